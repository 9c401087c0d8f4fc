package dev.halyard.product.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /products/{id}}: every field optional; absent fields keep their value.
 *
 * @param name new display name
 * @param price new unit price
 * @param stock new units available
 * @param description new long text
 * @param category new category slug
 */
public record ProductPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @PositiveOrZero @Max(1_000_000_000) Integer stock,
        @Size(max = 4000) String description,
        @Size(min = 1, max = 100) @Pattern(regexp = ProductFields.CATEGORY) String category) {
}
