package dev.halyard.common.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Remembers which events a service has applied (table {@code processed_event}), so a redelivered event has no
 * second effect. A concurrent second delivery waits on the first one's row and then sees it.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into processed_event (event_id, processed_at) values (:id, now())
            on conflict (event_id) do nothing""";

    /** True the first time {@code eventId} arrives; records it in the caller's transaction. */
    public Uni<Boolean> firstDelivery(UUID eventId) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(RECORD).setParameter("id", eventId).executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
