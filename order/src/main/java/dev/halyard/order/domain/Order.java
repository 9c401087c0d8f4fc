package dev.halyard.order.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A customer's order and where it stands in the saga. */
@Entity
@Table(name = "customer_order")
public class Order {

    /** PENDING until product answers; then CONFIRMED or REJECTED; CANCELLED on request. */
    public enum Status {
        PENDING, CONFIRMED, REJECTED, CANCELLED
    }

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request's lines: a retry must send the same ones. */
    @Column(name = "request_hash")
    public String requestHash;

    @Enumerated(EnumType.STRING)
    public Status status;

    public BigDecimal total;

    /** Why the order was rejected or cancelled. */
    public String reason;

    @Column(name = "invoice_key")
    public String invoiceKey;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<Item> items = new ArrayList<>();

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    /** One order line, with the name and price the customer saw. */
    @Embeddable
    public static class Item {

        @Column(name = "product_id")
        public String productId;

        @Column(name = "product_name")
        public String productName;

        public int quantity;

        public BigDecimal price;
    }
}
