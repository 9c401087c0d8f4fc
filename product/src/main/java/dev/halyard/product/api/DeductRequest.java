package dev.halyard.product.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /products/{id}/deduct}.
 *
 * @param quantity units to take, at least one
 */
public record DeductRequest(@NotNull @Positive @Max(1_000_000) Integer quantity) {
}
