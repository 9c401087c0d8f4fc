package dev.halyard.common.events;

/** The Kafka topics of the order saga. Records are keyed by order id, so one order's events stay in order. */
public final class Topics {

    /** {@link OrderEvent}s, produced by order; consumed by product (stock) and user (notifications). */
    public static final String ORDER_EVENTS = "order-events";
    /** {@link InventoryEvent}s, produced by product; consumed by order (status) and user (notifications). */
    public static final String INVENTORY_EVENTS = "inventory-events";

    private Topics() {
    }
}
