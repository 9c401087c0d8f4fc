package dev.halyard.product.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /products}: seed 004's fields plus optional description and category.
 *
 * @param productId the product's id, chosen by the caller and unique
 * @param name display name
 * @param price unit price, at most two decimals
 * @param stock initial units available
 * @param description optional long text ({@code null} for none)
 * @param category optional category slug ({@code null} for none)
 */
public record CreateProductRequest(
        @NotBlank @Pattern(regexp = ProductFields.PRODUCT_ID) String productId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @NotNull @PositiveOrZero @Max(1_000_000_000) Integer stock,
        @Size(max = 4000) @Schema(nullable = true) String description,
        @Size(min = 1, max = 100) @Pattern(regexp = ProductFields.CATEGORY) @Schema(nullable = true) String category) {

    ProductFields fields() {
        return new ProductFields(name, price, stock, description, category);
    }
}
