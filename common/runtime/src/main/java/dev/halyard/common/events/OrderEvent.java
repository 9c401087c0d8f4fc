package dev.halyard.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What happened to an order, on topic {@value Topics#ORDER_EVENTS}. Shared by producer and consumers; a change
 * that is not backwards compatible gets a new {@link #version()}.
 *
 * @param eventId unique per event; consumers use it to apply each event once
 * @param type what happened
 * @param version schema version of this record
 * @param occurredAt when it happened
 * @param orderId the order (also the Kafka key)
 * @param userId the customer
 * @param lines the order's lines (placed events)
 * @param total the order's total (placed events)
 * @param reason why, for cancellations
 */
// (de)serialized by Outbox and EventReader through ObjectMapper, invisible to Quarkus: registered for native image
@RegisterForReflection(targets = {OrderEvent.class, OrderEvent.Type.class})
public record OrderEvent(UUID eventId, Type type, int version, Instant occurredAt, UUID orderId, UUID userId,
        List<OrderLine> lines, BigDecimal total, String reason) {

    public static final int VERSION = 1;

    /** Kinds of order event. */
    public enum Type {
        /** A new order waits for its stock: reserve all lines or reject it. */
        ORDER_PLACED,
        /** The order was cancelled (by the customer, or expired): release its stock if it was reserved. */
        ORDER_CANCELLED
    }

    public static OrderEvent placed(UUID orderId, UUID userId, List<OrderLine> lines, BigDecimal total) {
        return new OrderEvent(UUID.randomUUID(), Type.ORDER_PLACED, VERSION, Instant.now(), orderId, userId,
                List.copyOf(lines), total, null);
    }

    public static OrderEvent cancelled(UUID orderId, UUID userId, String reason) {
        return new OrderEvent(UUID.randomUUID(), Type.ORDER_CANCELLED, VERSION, Instant.now(), orderId, userId,
                List.of(), null, reason);
    }
}
