package dev.halyard.product.domain;

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
import jakarta.persistence.Table;

/** The stock one order holds, or why it holds none. One per order: an order is reserved whole or not at all. */
@Entity
@Table(name = "stock_reservation")
public class Reservation {

    /** Where a reservation stands. */
    public enum Status {
        /** Every line's units were taken from stock. */
        RESERVED,
        /** Nothing was taken: see the reason. */
        REJECTED,
        /** The order was cancelled and its units went back to stock. */
        RELEASED,
        /** The order was cancelled before it was reserved; a late placement must not reserve it. */
        CANCELLED
    }

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "stock_reservation_line", joinColumns = @JoinColumn(name = "order_id"))
    public List<Line> lines = new ArrayList<>();

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Units of one product held for the order. */
    @Embeddable
    public static class Line {

        @Column(name = "product_id")
        public String productId;

        public int quantity;

        public Line() {
        }

        public Line(String productId, int quantity) {
            this.productId = productId;
            this.quantity = quantity;
        }
    }
}
