package dev.halyard.user.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.messaging.Inbox;
import dev.halyard.common.persistence.Batches;

/** Turns order and inventory events into in-app notifications, each event at most once. */
@ApplicationScoped
public class Notifications {

    private static final String INSERT = """
            insert into notification (notification_id, user_id, kind, order_id, message, created_at)
            select * from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::uuid[], $5::varchar[],
                $6::timestamptz[])""";

    private final NotificationRepository notifications;
    private final Pool pool;
    private final Inbox inbox;

    Notifications(NotificationRepository notifications, Pool pool, Inbox inbox) {
        this.notifications = notifications;
        this.pool = pool;
        this.inbox = inbox;
    }

    /** Order events, each once, in one transaction. */
    public Uni<Void> onOrderEvents(List<OrderEvent> events) {
        return record(events, OrderEvent::eventId, Notifications::of);
    }

    /** Inventory events, each once, in one transaction. */
    public Uni<Void> onInventoryEvents(List<InventoryEvent> events) {
        return record(events, InventoryEvent::eventId, Notifications::of);
    }

    private static Notification of(OrderEvent event) {
        return switch (event.type()) {
            case ORDER_PLACED -> notification(event.occurredAt(), event.userId(), "ORDER_RECEIVED", event.orderId(),
                    "We received your order " + event.orderId() + " (total " + event.total() + ").");
            case ORDER_CANCELLED -> notification(event.occurredAt(), event.userId(), "ORDER_CANCELLED",
                    event.orderId(), "Your order " + event.orderId() + " was cancelled: " + event.reason());
        };
    }

    private static Notification of(InventoryEvent event) {
        return switch (event.type()) {
            case STOCK_RESERVED -> notification(event.occurredAt(), event.userId(), "ORDER_CONFIRMED",
                    event.orderId(), "Your order " + event.orderId() + " is confirmed.");
            case STOCK_REJECTED -> notification(event.occurredAt(), event.userId(), "ORDER_REJECTED",
                    event.orderId(),
                    "Your order " + event.orderId() + " could not be accepted: " + event.reason());
            // the cancellation was already announced; the stock coming back is not news to the customer
            case STOCK_RELEASED -> null;
        };
    }

    public Uni<List<Notification>> page(UUID userId, int page, int size) {
        return Panache.withSession(() -> notifications.newestFirst(userId, page, size));
    }

    public Uni<Long> count(UUID userId) {
        return Panache.withSession(() -> notifications.count("userId", userId));
    }

    /**
     * Records the events in the inbox and inserts a notification for each first delivery that has one (none for an
     * event without a user), with two statements whatever the batch size, each executed once rather than once per
     * row, on the SQL client: a Hibernate session cost a round trip per row, and the user service spent as much CPU
     * on notifications as order on checkout.
     */
    private <T> Uni<Void> record(List<T> events, Function<T, UUID> eventId, Function<T, Notification> notification) {
        return pool.withTransaction(connection -> inbox.firstDeliveries(connection, events, eventId).flatMap(first -> {
            List<Object[]> rows = first.stream().map(notification).filter(Objects::nonNull)
                    .map(n -> new Object[]{n.notificationId, n.userId, n.kind, n.orderId, n.message, n.createdAt})
                    .toList();
            return Batches.executeColumns(connection, INSERT, rows, UUID[]::new, UUID[]::new, String[]::new,
                    UUID[]::new, String[]::new, OffsetDateTime[]::new);
        }));
    }

    /**
     * A notification dated when its event happened, not when it was consumed: order and inventory events arrive on
     * two topics with a consumer each, so either may be behind, and the feed must still read in the order things
     * happened. Null when the event names no user.
     */
    private static Notification notification(Instant occurredAt, UUID userId, String kind, UUID orderId,
            String message) {
        if (userId == null) {
            return null;
        }
        Notification n = new Notification();
        n.notificationId = UUID.randomUUID();
        n.userId = userId;
        n.kind = kind;
        n.orderId = orderId;
        n.message = message.length() > 600 ? message.substring(0, 597) + "..." : message;
        n.createdAt = (occurredAt != null ? occurredAt : Instant.now()).atOffset(ZoneOffset.UTC);
        return n;
    }
}
