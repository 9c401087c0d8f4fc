package dev.halyard.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * How every consumer treats a record: a record nobody can read (not JSON, or not this event's shape) is logged
 * and skipped, as retrying it would block its partition forever; a failure to apply a readable one (the database
 * restarting, say) is retried with back-off rather than skipped, because the saga must not lose an event. The
 * offset is committed only after the returned Uni completes.
 * <p>
 * Consumers take a poll's records as one batch ({@code mp.messaging.incoming.<channel>.batch=true}) and apply it
 * in one transaction: under load that is one commit, one outbox wake-up and one offset commit per poll instead of
 * per event, which is what let the saga keep up with checkout. When idle a batch is one record, so latency is the
 * same as one by one.
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);
    /** About ten minutes of retrying; then the channel fails, readiness goes DOWN and a restart resumes. */
    private static final int RETRY_ATTEMPTS = 60;

    private final ObjectMapper json;

    EventReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Reads each record of a poll as {@code type}, skipping the unreadable ones, and applies the readable ones, in
     * their order within each partition and all at once, with {@code handler}, under the policy above: a failed
     * batch is retried whole, so the handler must apply it in one transaction.
     */
    public <T> Uni<Void> applyAll(ConsumerRecords<String, String> records, Class<T> type,
            Function<List<Delivery<T>>, Uni<Void>> handler) {
        List<Delivery<T>> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            read(record.value(), type).ifPresent(event -> deliveries.add(new Delivery<>(event, traceParent(record))));
        }
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> handler.apply(deliveries))
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).atMost(RETRY_ATTEMPTS);
    }

    private static String traceParent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /**
     * An event as it arrived.
     *
     * @param event the event
     * @param traceParent the W3C traceparent its record carried (the trace of the request that caused it), if any
     */
    public record Delivery<T>(T event, String traceParent) {

        public static <T> List<T> events(List<Delivery<T>> deliveries) {
            return deliveries.stream().map(Delivery::event).toList();
        }
    }

    public <T> Optional<T> read(String payload, Class<T> type) {
        try {
            T event = json.readValue(payload, type);
            return Optional.ofNullable(event);
        } catch (Exception e) {
            LOG.errorf("Skipping unreadable %s: %s", type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }
}
