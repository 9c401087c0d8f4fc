package dev.halyard.order.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One line of a checkout (seed 004's item).
 *
 * @param productId the product
 * @param productName its name as the customer saw it
 * @param quantity units, 1 to 1000
 * @param price unit price as the customer saw it; product rejects the order if it differs from the catalog
 */
public record OrderItemRequest(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$") String productId,
        @NotBlank @Size(max = 200) String productName,
        @NotNull @Min(1) @Max(1000) Integer quantity,
        @NotNull @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price) {
}
