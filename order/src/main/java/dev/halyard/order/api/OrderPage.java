package dev.halyard.order.api;

import java.util.List;

/**
 * One page of the caller's orders, newest first.
 *
 * @param items the orders
 * @param page zero-based page number
 * @param size page size
 * @param total the caller's orders on all pages
 */
public record OrderPage(List<OrderResponse> items, int page, int size, long total) {
}
