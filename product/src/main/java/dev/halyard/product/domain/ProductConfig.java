package dev.halyard.product.domain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The product service's own settings. */
@ConfigMapping(prefix = "halyard.product")
public interface ProductConfig {

    /** The read cache in front of {@code GET /products/{id}} ({@link ProductCache}). */
    ReadCache readCache();

    interface ReadCache {

        /**
         * How long a read product is served from memory. A replica forgets a product as soon as it changes it
         * itself; a change another replica made shows here at the latest after this long. A product read again once
         * it is half this old is queried anew in the background, so readers of a popular product do not wait for the
         * database. {@code PT0S} turns the cache off.
         */
        @WithDefault("PT1S")
        Duration ttl();

        /** How many products are kept at most; the least used go first. */
        @WithDefault("10000")
        long maxSize();
    }
}
