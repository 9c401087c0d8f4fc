package dev.halyard.product.domain;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Products recently read, so that the catalog's most frequent request does not reach PostgreSQL each time. It is
 * Caffeine's loading cache, which gives each property the benchmark found missing in a plainer cache:
 * <ul>
 * <li>Reads of a product that is being queried wait for that query instead of sending their own. Without that,
 * when an entry expired under load every concurrent reader queried and replaced the one before it, none could keep
 * its result, and the product stayed a miss for as long as readers kept coming (256 clients on 100 products sent
 * 40 % of the reads to the database).</li>
 * <li>A product read again once it is half the ttl old is queried anew in the background, and its readers get the
 * product they have until the new one is in. When entries simply expired, every hot product's readers waited for a
 * query once per ttl on a machine busy with those very reads: at 80 % of the maximum the service's own p99.9 was
 * 33-45 ms, where it was 1.7-14 ms with nothing expiring (by hand, 2026-11-23, issue 7). Past the ttl a reader
 * waits for a query; a failed refresh keeps the product until then (Caffeine logs the failure).</li>
 * <li>A {@link #forget} while a product is being queried or refreshed means the row may have changed after the query
 * saw it, so that result is not kept.</li>
 * </ul>
 * Unknown products and failed reads are not cached, so a product created a moment ago is found at once.
 * <p>
 * In a native executable Caffeine finds the classes it generated for a configuration, and asks the loader whether
 * it loads in bulk, by reflection; Quarkus registers the classes of the common configurations only, so the ones of
 * this cache are named here ({@code ProductCacheTest} fails when they are not the ones Caffeine uses).
 */
@RegisterForReflection(targets = {ProductCache.Loader.class, AsyncCacheLoader.class}, classNames = {
        ProductCache.CAFFEINE_CACHE_CLASS, ProductCache.CAFFEINE_NODE_CLASS})
final class ProductCache {

    static final String CAFFEINE_CACHE_CLASS = "com.github.benmanes.caffeine.cache.SSMSWR";
    static final String CAFFEINE_NODE_CLASS = "com.github.benmanes.caffeine.cache.PSWRMW";

    private final AsyncLoadingCache<String, Product> products;
    private final Function<String, Uni<Product>> query;

    /**
     * @param query reads a product from the database; null when there is none
     */
    ProductCache(Duration ttl, long maxSize, Function<String, Uni<Product>> query) {
        this(ttl, maxSize, query, Ticker.systemTicker());
    }

    /** With the clock of {@code ticker} (nanoseconds), for tests. */
    ProductCache(Duration ttl, long maxSize, Function<String, Uni<Product>> query, Ticker ticker) {
        this.query = query;
        if (ttl.isZero()) {
            this.products = null;
            return;
        }
        Caffeine<Object, Object> builder = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize)
                .ticker(ticker);
        Duration refreshAfter = ttl.dividedBy(2);
        if (!refreshAfter.isZero()) {
            builder.refreshAfterWrite(refreshAfter);
        }
        this.products = builder.buildAsync(new Loader(query));
    }

    /** The query, started on the reading thread (a Vert.x event loop) as it would be without the cache. */
    record Loader(Function<String, Uni<Product>> query) implements AsyncCacheLoader<String, Product> {

        @Override
        public CompletableFuture<Product> asyncLoad(String productId, Executor executor) {
            return query.apply(productId).subscribeAsCompletionStage();
        }
    }

    /** The product, shared by every caller: read it, never change it. Null when there is none. */
    Uni<Product> get(String productId) {
        if (products == null) {
            return query.apply(productId);
        }
        CompletableFuture<Product> read = products.get(productId);
        if (read.isDone() && !read.isCompletedExceptionally()) {
            return Uni.createFrom().item(read.join());
        }
        // Mutiny cancels the future it waits on when its subscriber gives up (a client that hangs up): each reader
        // waits on a copy of its own, so that the query the others share goes on
        return Uni.createFrom().completionStage(read.copy());
    }

    /** Drops what is known of these products; call it once a change of them has committed. */
    void forget(Iterable<String> productIds) {
        if (products != null) {
            products.synchronous().invalidateAll(productIds);
        }
    }
}
