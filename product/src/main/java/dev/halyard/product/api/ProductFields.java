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
 * A full product description: the body of {@code PUT /products/{id}}.
 *
 * @param name display name
 * @param price unit price, at most two decimals
 * @param stock units available
 * @param description optional long text ({@code null} for none)
 * @param category optional category used to filter the catalog ({@code null} for none)
 */
public record ProductFields(
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @NotNull @PositiveOrZero @Max(1_000_000_000) Integer stock,
        @Size(max = 4000) @Schema(nullable = true) String description,
        @Size(min = 1, max = 100) @Pattern(regexp = ProductFields.CATEGORY) @Schema(nullable = true) String category) {

    /*
     * Anchored because the same text is Bean Validation's pattern (always the whole value) and the OpenAPI
     * document's (JSON Schema searches anywhere in the value unless anchored).
     */
    /** Categories are slugs: lower-case letters, digits and dashes. */
    static final String CATEGORY = "^[a-z0-9][a-z0-9-]*$";
    /** Product ids as seed 004 uses them (e.g. TEST001): letters, digits, dash and underscore. */
    static final String PRODUCT_ID = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";
}
