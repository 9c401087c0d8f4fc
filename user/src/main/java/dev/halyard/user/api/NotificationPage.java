package dev.halyard.user.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.halyard.user.domain.Notification;

/**
 * One page of the caller's notifications, newest first.
 *
 * @param items the notifications
 * @param page zero-based page number
 * @param size page size
 * @param total the caller's notifications on all pages
 */
public record NotificationPage(List<Item> items, int page, int size, long total) {

    /**
     * One notification.
     *
     * @param notificationId id
     * @param kind ORDER_RECEIVED, ORDER_CONFIRMED, ORDER_REJECTED or ORDER_CANCELLED
     * @param orderId the order it is about
     * @param message text for the customer
     * @param createdAt when it was created
     */
    public record Item(UUID notificationId, String kind, UUID orderId, String message, OffsetDateTime createdAt) {

        static Item of(Notification n) {
            return new Item(n.notificationId, n.kind, n.orderId, n.message, n.createdAt);
        }
    }
}
