package dev.halyard.common.messaging;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event written in the same transaction as the change it reports, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "message_key")
    public String key;

    /** The event as JSON. */
    public String payload;

    /** W3C traceparent of the request that caused the event, so consumers continue its trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
