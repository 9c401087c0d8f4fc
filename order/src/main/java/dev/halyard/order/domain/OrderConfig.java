package dev.halyard.order.domain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The order saga's timing. */
@ConfigMapping(prefix = "halyard.order")
public interface OrderConfig {

    /**
     * How long an order may stay PENDING before the scheduler rejects it (and releases any stock product might
     * have reserved meanwhile), so a lost message never leaves an order hanging.
     */
    @WithDefault("PT2M")
    Duration pendingTimeout();

    /** How often the scheduler looks for such orders. */
    @WithDefault("10s")
    String expiryCheckInterval();
}
