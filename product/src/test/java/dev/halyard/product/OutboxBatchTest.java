package dev.halyard.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Outbox;

/**
 * The outbox's batch insert against PostgreSQL: one statement for the whole batch (the saga's answers), whose rows
 * must get their ids in the batch's order, because the relay publishes by id and one order's answers must leave in
 * the order they were made. Not rerun as an IT: it calls a bean.
 */
@QuarkusTest
class OutboxBatchTest {

    private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void aBatchGetsItsIdsInItsOrderAndKeepsEveryValue() {
        String run = UUID.randomUUID().toString();
        List<Outbox.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(new Outbox.Entry(Topics.INVENTORY_EVENTS, run + "-" + i, Map.of("n", i),
                    i % 2 == 0 ? null : TRACE));
        }
        pool.withTransaction(connection -> outbox.addAll(connection, entries)).await().atMost(Duration.ofSeconds(10));

        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select topic, message_key, payload, trace_parent from outbox where message_key like $1"
                + " order by id").execute(Tuple.of(run + "-%")).await().atMost(Duration.ofSeconds(10))
                .forEach(rows::add);
        assertEquals(40, rows.size());
        for (int i = 0; i < 40; i++) {
            Row row = rows.get(i);
            assertEquals(run + "-" + i, row.getString("message_key"), "the row with the " + i + "th id");
            assertEquals(Topics.INVENTORY_EVENTS, row.getString("topic"));
            assertEquals("{\"n\":" + i + "}", row.getString("payload"));
            assertEquals(i % 2 == 0 ? null : TRACE, row.getString("trace_parent"));
        }
    }
}
