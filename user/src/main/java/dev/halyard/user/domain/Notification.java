package dev.halyard.user.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message for a user about one of their orders. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "user_id")
    public UUID userId;

    /** ORDER_RECEIVED, ORDER_CONFIRMED, ORDER_REJECTED or ORDER_CANCELLED. */
    public String kind;

    @Column(name = "order_id")
    public UUID orderId;

    public String message;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
