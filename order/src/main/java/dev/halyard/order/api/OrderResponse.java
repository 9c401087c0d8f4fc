package dev.halyard.order.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.halyard.order.domain.Order;

/**
 * An order as its owner sees it.
 *
 * @param orderId id
 * @param userId the customer
 * @param status PENDING, CONFIRMED, REJECTED or CANCELLED
 * @param total sum of the lines
 * @param items the lines
 * @param reason why it was rejected or cancelled
 * @param idempotencyKey the key it was placed with
 * @param createdAt when it was placed
 * @param updatedAt when its status last changed
 */
public record OrderResponse(UUID orderId, UUID userId, Order.Status status, BigDecimal total, List<Item> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason, String idempotencyKey, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * One line.
     *
     * @param productId product
     * @param productName name at ordering time
     * @param quantity units
     * @param price unit price
     */
    public record Item(String productId, String productName, int quantity, BigDecimal price) {
    }

    static OrderResponse of(Order o) {
        List<Item> items = o.items.stream().map(i -> new Item(i.productId, i.productName, i.quantity, i.price))
                .toList();
        return new OrderResponse(o.orderId, o.userId, o.status, o.total, items, o.reason, o.idempotencyKey,
                o.createdAt, o.updatedAt);
    }
}
