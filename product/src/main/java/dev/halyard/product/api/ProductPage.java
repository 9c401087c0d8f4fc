package dev.halyard.product.api;

import java.util.List;

/**
 * One page of the catalog.
 *
 * @param items the products on this page, ordered by id
 * @param page zero-based page number
 * @param size requested page size
 * @param total products matching the filter, on all pages
 */
public record ProductPage(List<ProductResponse> items, int page, int size, long total) {
}
