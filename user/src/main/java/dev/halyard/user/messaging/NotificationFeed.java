package dev.halyard.user.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.messaging.EventReader;
import dev.halyard.user.domain.Notifications;

/** Consumes both saga topics (consumer group {@code user}) into notifications. Failures are retried. */
@ApplicationScoped
public class NotificationFeed {

    private final EventReader reader;
    private final Notifications notifications;

    NotificationFeed(EventReader reader, Notifications notifications) {
        this.reader = reader;
        this.notifications = notifications;
    }

    @Incoming("order-events")
    public Uni<Void> onOrderEvent(String payload) {
        return retried(reader.read(payload, OrderEvent.class).map(notifications::on)
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    @Incoming("inventory-events")
    public Uni<Void> onInventoryEvent(String payload) {
        return retried(reader.read(payload, InventoryEvent.class).map(notifications::on)
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private static Uni<Void> retried(Uni<Void> work) {
        return work.onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(60);
    }
}
