package dev.halyard.product.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.halyard.product.domain.Product;

/**
 * A product as clients see it.
 *
 * @param productId id
 * @param name display name
 * @param description long text, if any
 * @param category category slug, if any
 * @param price unit price
 * @param stock units available now
 * @param imageUrl public (CDN) URL of the product image, present once one was uploaded
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record ProductResponse(String productId, String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String category, BigDecimal price, int stock,
        @JsonInclude(JsonInclude.Include.NON_NULL) String imageUrl, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ProductResponse of(Product p, String imageUrl) {
        return new ProductResponse(p.productId, p.name, p.description, p.category, p.price, p.stock, imageUrl,
                p.createdAt, p.updatedAt);
    }
}
