package dev.halyard.product.domain;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

/**
 * Products recently read, so that the catalog's most frequent request does not reach PostgreSQL each time. A miss
 * puts a load of its own in the key's slot before it queries, and every read that finds that load in flight waits
 * for it instead of querying too: without that, when an entry expired under load, each concurrent reader replaced
 * the one before it and queried, none could keep its result, and the key stayed a miss for as long as readers kept
 * coming (256 clients on 100 products sent 40 % of the reads to the database). The load stores what it read only if
 * it is still in the slot: a {@link #forget} in between means the row may have changed after the query saw it, so
 * that result is not kept. Unknown products are not cached, so a product created a moment ago is found at once.
 */
final class ProductCache {

    /** What the cache holds for a key: a product, or the read that is fetching it. */
    private sealed interface Slot {
    }

    private record Loaded(Product product) implements Slot {
    }

    /** One query, shared by every read of the key that arrives while it runs. */
    private final class Loading implements Slot {

        private final Uni<Product> result;

        Loading(String productId) {
            this.result = Uni.createFrom().deferred(() -> query.apply(productId)).invoke(product -> {
                if (product != null) {
                    slots.asMap().replace(productId, this, new Loaded(product));
                } else {
                    slots.asMap().remove(productId, this);
                }
            }).onFailure().invoke(() -> slots.asMap().remove(productId, this)).memoize().indefinitely();
        }
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
        Slot slot = slots.get(productId, Loading::new);
        return slot instanceof Loaded hit ? Uni.createFrom().item(hit.product()) : ((Loading) slot).result;
    }

    /** Drops what is known of these products; call it once a change of them has committed. */
    void forget(Iterable<String> productIds) {
        if (slots != null) {
            slots.invalidateAll(productIds);
        }
    }
}
