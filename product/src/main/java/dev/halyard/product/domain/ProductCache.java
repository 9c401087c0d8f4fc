package dev.halyard.product.domain;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

/**
 * Products recently read, so that the catalog's most frequent request does not reach PostgreSQL each time. A miss
 * marks its key with a token of its own before it queries, and stores what it read only if that token is still
 * there: a {@link #forget} in between means the row may have changed after the query saw it, so that result is
 * not kept. Unknown products are not cached, so a product created a moment ago is found at once.
 */
final class ProductCache {

    /** What the cache holds for a key: a product, or the token of the read that is fetching it. */
    private sealed interface Slot {
    }

    private record Loaded(Product product) implements Slot {
    }

    private static final class Loading implements Slot {
    }

    private final Cache<String, Slot> slots;
    private final Function<String, Uni<Product>> query;

    /**
     * @param query reads a product from the database; null when there is none
     */
    ProductCache(Duration ttl, long maxSize, Function<String, Uni<Product>> query) {
        this.slots = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).build();
        this.query = query;
    }

    /** The product, shared by every caller: read it, never change it. Null when there is none. */
    Uni<Product> get(String productId) {
        if (slots == null) {
            return query.apply(productId);
        }
        if (slots.getIfPresent(productId) instanceof Loaded hit) {
            return Uni.createFrom().item(hit.product());
        }
        Loading token = new Loading();
        slots.put(productId, token);
        return query.apply(productId).invoke(product -> {
            if (product != null) {
                slots.asMap().replace(productId, token, new Loaded(product));
            } else {
                slots.asMap().remove(productId, token);
            }
        });
    }

    /** Drops what is known of these products; call it once a change of them has committed. */
    void forget(Iterable<String> productIds) {
        if (slots != null) {
            slots.invalidateAll(productIds);
        }
    }
}
