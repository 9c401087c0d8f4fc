package dev.halyard.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The product service's answer to an order, on topic {@value Topics#INVENTORY_EVENTS}.
 *
 * @param eventId unique per event; consumers use it to apply each event once
 * @param type what happened to the order's stock
 * @param version schema version of this record
 * @param occurredAt when it happened
 * @param orderId the order (also the Kafka key)
 * @param userId the customer, so notifications need no lookup
 * @param reason why, for rejections
 */
// (de)serialized by Outbox and EventReader through ObjectMapper, invisible to Quarkus: registered for native image
@RegisterForReflection(targets = {InventoryEvent.class, InventoryEvent.Type.class})
public record InventoryEvent(UUID eventId, Type type, int version, Instant occurredAt, UUID orderId, UUID userId,
        String reason) {

    public static final int VERSION = 1;

    /** Kinds of inventory event. */
    public enum Type {
        /** Every line's stock is reserved: the order can be confirmed. */
        STOCK_RESERVED,
        /** Nothing was reserved (missing product, changed price or not enough stock): reject the order. */
        STOCK_REJECTED,
        /** The reservation of a cancelled order went back to stock. */
        STOCK_RELEASED
    }

    public static InventoryEvent of(Type type, UUID orderId, UUID userId, String reason) {
        return new InventoryEvent(UUID.randomUUID(), type, VERSION, Instant.now(), orderId, userId, reason);
    }
}
