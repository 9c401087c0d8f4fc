package dev.halyard.user.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.messaging.EventReader;
import dev.halyard.user.domain.Notifications;

/** Consumes both saga topics (consumer group {@code user}) into notifications, under {@link EventReader}'s policy. */
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
        return reader.apply(payload, OrderEvent.class, notifications::on);
    }

    @Incoming("inventory-events")
    public Uni<Void> onInventoryEvent(String payload) {
        return reader.apply(payload, InventoryEvent.class, notifications::on);
    }
}
