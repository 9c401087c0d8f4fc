package dev.halyard.product.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class ProductCacheTest {

    /** A database whose answers the test gives, one query at a time. */
    private final Queue<UniEmitter<? super Product>> queries = new ArrayDeque<>();
    private int asked;

    private ProductCache cache(Duration ttl) {
        return new ProductCache(ttl, 100, id -> {
            asked++;
            return Uni.createFrom().<Product>emitter(queries::add);
        });
    }

    @Test
    void aReadProductIsServedFromMemoryUntilItIsForgotten() {
        ProductCache cache = cache(Duration.ofMinutes(1));
        Product p = product("A");
        var first = cache.get("A").subscribeAsCompletionStage();
        queries.remove().complete(p);
        assertSame(p, first.join());

        assertSame(p, cache.get("A").await().indefinitely());
        assertEquals(1, asked, "the second read did not query");

        cache.forget(List.of("A"));
        var again = cache.get("A").subscribeAsCompletionStage();
        assertEquals(2, asked);
        Product changed = product("A");
        queries.remove().complete(changed);
        assertSame(changed, again.join());
    }

    @Test
    void readsOfAKeyBeingLoadedShareItsQuery() {
        ProductCache cache = cache(Duration.ofMinutes(1));
        var first = cache.get("A").subscribeAsCompletionStage();
        var second = cache.get("A").subscribeAsCompletionStage();
        var third = cache.get("A").subscribeAsCompletionStage();
        assertEquals(1, asked, "the reads that came while the first was in flight waited for it");
        Product p = product("A");
        queries.remove().complete(p);
        assertSame(p, first.join());
        assertSame(p, second.join());
        assertSame(p, third.join());
        assertSame(p, cache.get("A").await().indefinitely(), "and what it read is kept");
        assertEquals(1, asked);
    }

    @Test
    void aFailedReadIsNotKept() {
        ProductCache cache = cache(Duration.ofMinutes(1));
        var failing = cache.get("A").subscribeAsCompletionStage();
        var joined = cache.get("A").subscribeAsCompletionStage();
        queries.remove().fail(new IllegalStateException("connection lost"));
        assertTrue(failing.toCompletableFuture().isCompletedExceptionally());
        assertTrue(joined.toCompletableFuture().isCompletedExceptionally(), "a read that waited shares the error");

        var retry = cache.get("A").subscribeAsCompletionStage();
        assertEquals(2, asked, "the next read queries again");
        Product p = product("A");
        queries.remove().complete(p);
        assertSame(p, retry.join());
    }

    @Test
    void aReadThatRacedAChangeIsNotKept() {
        ProductCache cache = cache(Duration.ofMinutes(1));
        var inFlight = cache.get("A").subscribeAsCompletionStage();
        // the row changes and the writer forgets it while the query above may already have read the old row
        cache.forget(List.of("A"));
        Product old = product("A");
        queries.remove().complete(old);
        assertSame(old, inFlight.join(), "the caller still gets what it read");

        var next = cache.get("A").subscribeAsCompletionStage();
        assertEquals(2, asked, "but the next read queries again");
        Product fresh = product("A");
        queries.remove().complete(fresh);
        assertSame(fresh, next.join());
        assertSame(fresh, cache.get("A").await().indefinitely());
        assertEquals(2, asked);
    }

    @Test
    void unknownProductsAreNotCached() {
        ProductCache cache = cache(Duration.ofMinutes(1));
        var missing = cache.get("B").subscribeAsCompletionStage();
        queries.remove().complete(null);
        assertNull(missing.join());

        var created = cache.get("B").subscribeAsCompletionStage();
        assertEquals(2, asked, "a product created meanwhile is found at once");
        Product b = product("B");
        queries.remove().complete(b);
        assertSame(b, created.join());
    }

    @Test
    void aZeroTtlQueriesEveryTime() {
        ProductCache cache = cache(Duration.ZERO);
        for (int i = 1; i <= 3; i++) {
            var read = cache.get("A").subscribeAsCompletionStage();
            queries.remove().complete(product("A"));
            read.join();
            assertEquals(i, asked);
        }
    }

    @Test
    void entriesExpire() throws InterruptedException {
        ProductCache cache = cache(Duration.ofMillis(50));
        var first = cache.get("A").subscribeAsCompletionStage();
        queries.remove().complete(product("A"));
        first.join();
        Thread.sleep(200);
        cache.get("A").subscribeAsCompletionStage();
        assertEquals(2, asked, "an entry older than the ttl is read again");
    }

    private static Product product(String id) {
        Product p = new Product();
        p.productId = id;
        return p;
    }
}
