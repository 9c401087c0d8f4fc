package dev.halyard.common.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * How every consumer treats a record: a record nobody can read (not JSON, or not this event's shape) is logged
 * and skipped, as retrying it would block its partition forever; a failure to apply a readable one (the database
 * restarting, say) is retried with back-off rather than skipped, because the saga must not lose an event. The
 * offset is committed only after the returned Uni completes.
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

    /** Reads {@code payload} as {@code type} and applies it with {@code handler}, under the policy above. */
    public <T> Uni<Void> apply(String payload, Class<T> type, Function<T, Uni<Void>> handler) {
        return read(payload, type)
                .map(handler)
                .orElseGet(() -> Uni.createFrom().voidItem())
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).atMost(RETRY_ATTEMPTS);
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
