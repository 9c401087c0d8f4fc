package dev.halyard.user.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.messaging.EventReader;
import dev.halyard.common.messaging.EventReader.Delivery;
import dev.halyard.user.domain.Notifications;

/**
 * Consumes both saga topics (consumer group {@code user}) into notifications, a poll at a time, under
 * {@link EventReader}'s policy.
 */
@ApplicationScoped
public class NotificationFeed {

    private final EventReader reader;
    private final Notifications notifications;

    NotificationFeed(EventReader reader, Notifications notifications) {
        this.reader = reader;
        this.notifications = notifications;
    }

    @Incoming("order-events")
    public Uni<Void> onOrderEvents(ConsumerRecords<String, String> records) {
        return reader.applyAll(records, OrderEvent.class, d -> notifications.onOrderEvents(Delivery.events(d)));
    }

    @Incoming("inventory-events")
    public Uni<Void> onInventoryEvents(ConsumerRecords<String, String> records) {
        return reader.applyAll(records, InventoryEvent.class,
                d -> notifications.onInventoryEvents(Delivery.events(d)));
    }
}
