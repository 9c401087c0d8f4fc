package dev.halyard.user.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.messaging.Inbox;

/** Turns order and inventory events into in-app notifications, each event at most once. */
@ApplicationScoped
public class Notifications {

    private final NotificationRepository notifications;
    private final Inbox inbox;

    Notifications(NotificationRepository notifications, Inbox inbox) {
        this.notifications = notifications;
        this.inbox = inbox;
    }

    public Uni<Void> on(OrderEvent event) {
        return switch (event.type()) {
            case ORDER_PLACED -> record(event.eventId(), event.occurredAt(), event.userId(), "ORDER_RECEIVED",
                    event.orderId(),
                    "We received your order " + event.orderId() + " (total " + event.total() + ").");
            case ORDER_CANCELLED -> record(event.eventId(), event.occurredAt(), event.userId(), "ORDER_CANCELLED",
                    event.orderId(),
                    "Your order " + event.orderId() + " was cancelled: " + event.reason());
        };
    }

    public Uni<Void> on(InventoryEvent event) {
        return switch (event.type()) {
            case STOCK_RESERVED -> record(event.eventId(), event.occurredAt(), event.userId(), "ORDER_CONFIRMED",
                    event.orderId(),
                    "Your order " + event.orderId() + " is confirmed.");
            case STOCK_REJECTED -> record(event.eventId(), event.occurredAt(), event.userId(), "ORDER_REJECTED",
                    event.orderId(),
                    "Your order " + event.orderId() + " could not be accepted: " + event.reason());
            // the cancellation was already announced; the stock coming back is not news to the customer
            case STOCK_RELEASED -> Uni.createFrom().voidItem();
        };
    }

    public Uni<List<Notification>> page(UUID userId, int page, int size) {
        return Panache.withSession(() -> notifications.newestFirst(userId, page, size));
    }

    public Uni<Long> count(UUID userId) {
        return Panache.withSession(() -> notifications.count("userId", userId));
    }

    /**
     * A notification dated when its event happened, not when it was consumed: order and inventory events arrive on
     * two topics with a consumer each, so either may be behind, and the feed must still read in the order things
     * happened.
     */
    private Uni<Void> record(UUID eventId, Instant occurredAt, UUID userId, String kind, UUID orderId,
            String message) {
        if (userId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(eventId).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            Notification n = new Notification();
            n.notificationId = UUID.randomUUID();
            n.userId = userId;
            n.kind = kind;
            n.orderId = orderId;
            n.message = message.length() > 600 ? message.substring(0, 597) + "..." : message;
            n.createdAt = (occurredAt != null ? occurredAt : Instant.now()).atOffset(ZoneOffset.UTC);
            return notifications.persist(n).replaceWithVoid();
        }));
    }
}
