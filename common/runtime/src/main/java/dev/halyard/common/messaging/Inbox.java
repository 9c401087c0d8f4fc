package dev.halyard.common.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Remembers which events a service has applied (table {@code processed_event}), so a redelivered event has no
 * second effect. A concurrent second delivery waits on the first one's row and then sees it.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD_ALL = """
            insert into processed_event (event_id, processed_at) select unnest($1::uuid[]), now()
            on conflict (event_id) do nothing returning event_id""";

    /**
     * The items delivered for the first time, in their order, each once (an event twice in {@code items} counts
     * once); records them in {@code connection}'s transaction with one statement. An event without an id cannot
     * be told from its redelivery and is dropped.
     */
    public <T> Uni<List<T>> firstDeliveries(SqlConnection connection, List<T> items, Function<T, UUID> eventId) {
        UUID[] ids = items.stream().map(eventId).filter(Objects::nonNull).toArray(UUID[]::new);
        return connection.preparedQuery(RECORD_ALL).execute(Tuple.of(ids)).map(rows -> {
            Set<UUID> first = new HashSet<>();
            rows.forEach(row -> first.add(row.getUUID(0)));
            return items.stream().filter(item -> first.remove(eventId.apply(item))).toList();
        });
    }
}
