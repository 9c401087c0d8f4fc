package dev.halyard.common.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the outbox and the inbox keep rows they no longer need ({@link MessageRetention}). */
@ConfigMapping(prefix = "halyard.retention")
public interface RetentionConfig {

    /** A published outbox row is kept this long, to look into a saga afterwards; an unpublished one always. */
    @WithDefault("P7D")
    Duration outbox();

    /**
     * An applied event's id is kept this long. It must outlive the topics' retention (7 days, Kafka's and MSK's
     * default): an event the broker can still deliver again must still be known here, or it is applied twice.
     */
    @WithDefault("P14D")
    Duration inbox();

    /** How often the rows due are deleted. */
    @WithDefault("10m")
    String interval();
}
