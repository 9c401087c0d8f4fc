package dev.halyard.common.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses event payloads. A record nobody can read (not JSON, or not this event's shape) is logged and skipped:
 * retrying it would block its partition forever.
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);

    private final ObjectMapper json;

    EventReader(ObjectMapper json) {
        this.json = json;
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
