package dev.halyard.product.api;

/**
 * Result of a deduction.
 *
 * @param productId the product
 * @param stock units left after it
 */
public record DeductResponse(String productId, int stock) {
}
