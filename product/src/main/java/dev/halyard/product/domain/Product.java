package dev.halyard.product.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalog entry and its stock. Stock only ever changes through {@link ProductRepository#deduct} or an edit. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @Column(name = "product_id")
    public String productId;

    public String name;

    public String description;

    public String category;

    public BigDecimal price;

    public int stock;

    @Column(name = "image_key")
    public String imageKey;

    @Column(name = "image_content_type")
    public String imageContentType;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
