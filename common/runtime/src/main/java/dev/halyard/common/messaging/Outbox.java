package dev.halyard.common.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.halyard.common.persistence.Batches;

/**
 * The transactional outbox: events are stored with the change they describe, in the caller's transaction, so a
 * change is never committed without its event (or the reverse). {@link OutboxRelay} publishes them to Kafka.
 */
@ApplicationScoped
public class Outbox {

    /**
     * The columns an event's row is written to, in the order of {@link Row#values()}: for statements that insert it
     * together with the change it describes.
     */
    public static final String COLUMNS = "topic, message_key, payload, trace_parent, created_at";

    /** A batch's rows in one statement; {@code order by n}: ids follow the batch's order, the relay's order. */
    private static final String INSERT = "insert into outbox (" + COLUMNS + ") select " + COLUMNS + """
             from unnest($1::varchar[], $2::varchar[], $3::text[], $4::varchar[], $5::timestamptz[])
                with ordinality as e (topic, message_key, payload, trace_parent, created_at, n)
            order by n""";

    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    Outbox(ObjectMapper json, Event<OutboxWritten> written) {
        this.json = json;
        this.written = written;
    }

    /**
     * Tells the relay that committed rows are waiting, so they go out now rather than at its next poll. Call
     * after the transaction that added them completed.
     */
    public void wake() {
        written.fire(new OutboxWritten());
    }

    /** Adds an event to the current transaction; call inside {@code Panache.withTransaction}. */
    public Uni<Void> add(String topic, String key, Object event) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.key = key;
        message.payload = serialise(event);
        message.traceParent = traceParent();
        message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.getSession().flatMap(session -> session.persist(message));
    }

    /**
     * Adds events in {@code connection}'s transaction, in one round trip however many (none is a no-op): for the hot
     * paths that write with the reactive SQL client directly rather than through a Hibernate session.
     */
    public Uni<Void> addAll(SqlConnection connection, List<Entry> entries) {
        String current = traceParent();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = entries.stream()
                .map(e -> row(e, current, now).values().toArray())
                .toList();
        return Batches.executeColumns(connection, INSERT, rows, String[]::new, String[]::new, String[]::new,
                String[]::new, OffsetDateTime[]::new);
    }

    /**
     * The outbox row for {@code event}, for a statement that inserts it together with the change it describes
     * (checkout writes its order, lines and event in one statement): the same columns {@link #add} writes.
     */
    public Row row(String topic, String key, Object event) {
        return row(new Entry(topic, key, event, null), traceParent(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private Row row(Entry entry, String currentTraceParent, OffsetDateTime now) {
        return new Row(entry.topic(), entry.key(), serialise(entry.event()),
                entry.traceParent() != null ? entry.traceParent() : currentTraceParent, now);
    }

    /**
     * The values of one {@code outbox} row.
     *
     * @param topic its {@code topic}
     * @param key its {@code message_key}
     * @param payload its {@code payload}: the event as JSON
     * @param traceParent its {@code trace_parent}, or null
     * @param createdAt its {@code created_at}
     */
    public record Row(String topic, String key, String payload, String traceParent, OffsetDateTime createdAt) {

        /** Its values in the order of {@link #COLUMNS}; the trace parent may be null. */
        public List<Object> values() {
            // Arrays.asList: List.of refuses the null trace parent
            return Arrays.asList(topic, key, payload, traceParent, createdAt);
        }
    }

    /**
     * An event for the outbox.
     *
     * @param topic where it goes
     * @param key its record key (the order id, so one order's events stay in order)
     * @param event the event record, serialised to JSON
     * @param traceParent the trace it continues (that of the event it answers); null for the current span's
     */
    public record Entry(String topic, String key, Object event, String traceParent) {
    }

    private String serialise(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serialisable: " + event.getClass().getName(), e);
        }
    }

    private static String traceParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
