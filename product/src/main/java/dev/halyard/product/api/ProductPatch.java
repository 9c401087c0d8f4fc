package dev.halyard.product.api;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import dev.halyard.common.openapi.NotBlankPatternFilter;

/**
 * Body of {@code PATCH /products/{id}}, read as a JSON merge patch (RFC 7396): an absent field keeps its value,
 * {@code null} removes it. Only the optional fields can be removed; {@code null} for the others is refused. A
 * class, not a record: Jackson builds records through their constructor, which cannot tell an absent field
 * from a {@code null} one.
 */
public final class ProductPatch {

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(min = 1, max = 200)
    // @NotBlank's rule for a field that may be absent; anchored and spelled with [\s\S] so Bean Validation (whole
    // value) and JSON Schema (search, no DOTALL) read it alike
    @Pattern(regexp = "^[\\s\\S]*" + NotBlankPatternFilter.NOT_BLANK + "[\\s\\S]*$", message = "must not be blank")
    private String name;

    @JsonSetter(nulls = Nulls.FAIL)
    @DecimalMin("0")
    @DecimalMax("9999999999.99")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal price;

    @JsonSetter(nulls = Nulls.FAIL)
    @PositiveOrZero
    @Max(1_000_000_000)
    private Integer stock;

    @JsonProperty
    @Schema(nullable = true, maxLength = 4000)
    private Optional<@Size(max = 4000) String> description;

    @JsonProperty
    @Schema(nullable = true, minLength = 1, maxLength = 100, pattern = ProductFields.CATEGORY)
    private Optional<@Size(min = 1, max = 100) @Pattern(regexp = ProductFields.CATEGORY) String> category;

    /** The new display name, or {@code null} to keep it. */
    public String name() {
        return name;
    }

    /** The new unit price, or {@code null} to keep it. */
    public BigDecimal price() {
        return price;
    }

    /** The new units available, or {@code null} to keep them. */
    public Integer stock() {
        return stock;
    }

    /** {@code null} to keep the description, empty to remove it. */
    public Optional<String> description() {
        return description;
    }

    /** {@code null} to keep the category, empty to remove it. */
    public Optional<String> category() {
        return category;
    }
}
