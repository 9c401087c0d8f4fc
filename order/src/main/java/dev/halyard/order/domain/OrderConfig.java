package dev.halyard.order.domain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The order saga's timing and checkout's batching. */
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

    /** How checkout writes: see {@link OrderPlacements}. */
    Checkout checkout();

    /** Checkout's statements. */
    interface Checkout {

        /**
         * Checkout statements running at once; checkouts that arrive while all are running go together in the
         * next. Fewer gives larger batches (less database CPU per order), more gives a lone checkout a shorter wait
         * on a slow database. Keep it below the reactive pool's size, which the saga and the relay share.
         */
        @WithDefault("2")
        int maxInFlight();

        /** The most orders one statement writes. */
        @WithDefault("64")
        int maxBatch();
    }
}
