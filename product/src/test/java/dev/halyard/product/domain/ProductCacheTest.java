package dev.halyard.product.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class ProductCacheTest {

    /** A database whose answers the test gives, one query at a time. */
    private final Queue<UniEmitter<? super Product>> queries = new ArrayDeque<>();
    private int asked;
    /** The cache's clock, which the test moves. */
    private long now;
    private final Ticker clock = () -> now;

    private ProductCache cache(Duration ttl) {
        return new ProductCache(ttl, 100, id -> {
            asked++;
            return Uni.createFrom().<Product>emitter(queries::add);
        }, clock);
    }

    /** A cache with a ttl of one minute holding {@code p}, read at the clock's zero. */
    private ProductCache holding(Product p) {
        ProductCache cache = cache(Duration.ofMinutes(1));
        var first = cache.get(p.productId).subscribeAsCompletionStage();
        queries.remove().complete(p);
        assertSame(p, first.join());
        return cache;
    }

    /** {@link #holding} {@code p}, read again half the ttl later: a refresh has started, its query unanswered. */
    private ProductCache refreshing(Product p) {
        ProductCache cache = holding(p);
        now = Duration.ofSeconds(31).toNanos();
        assertSame(p, cache.get(p.productId).await().indefinitely(), "the reader does not wait for the refresh");
        assertEquals(2, asked, "which has started");
        return cache;
    }

    /** Answers the oldest unanswered query with a new copy of product A, and returns it. */
    private Product answerA() {
        Product p = product("A");
        queries.remove().complete(p);
        return p;
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
        assertServedFromMemory(cache, p, "and what it read is kept");
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
        assertServedFromMemory(cache, fresh);
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
    void entriesExpire() {
        ProductCache cache = holding(product("A"));
        now = Duration.ofSeconds(61).toNanos();
        var late = cache.get("A").subscribeAsCompletionStage();
        assertEquals(2, asked, "an entry older than the ttl is read again");
        assertFalse(late.toCompletableFuture().isDone(), "and its reader waits for the query");
    }

    @Test
    void aProductHalfTheTtlOldIsQueriedAgainWhileItsReadersKeepIt() {
        Product old = product("A");
        ProductCache cache = refreshing(old);
        assertSame(old, cache.get("A").await().indefinitely());
        assertEquals(2, asked, "once");

        Product fresh = answerA();
        assertServedFromMemory(cache, fresh);
    }

    @Test
    void noReaderGetsAProductOlderThanTheTtl() {
        ProductCache cache = refreshing(product("A"));
        // the refresh is slow: the product it replaces passes the ttl
        now = Duration.ofSeconds(61).toNanos();
        var late = cache.get("A").subscribeAsCompletionStage();
        assertFalse(late.toCompletableFuture().isDone(), "the reader waits for a query");
        assertEquals(3, asked);

        answerA(); // the refresh, too late to be kept
        assertFalse(late.toCompletableFuture().isDone());
        Product fresh = answerA();
        assertSame(fresh, late.join());
        assertServedFromMemory(cache, fresh);
    }

    @Test
    void aProductForgottenWhileItIsRefreshedIsNotServedAgain() {
        ProductCache cache = refreshing(product("A"));
        cache.forget(List.of("A"));
        var afterChange = cache.get("A").subscribeAsCompletionStage();
        assertEquals(3, asked, "the read after the change queries");
        assertFalse(afterChange.toCompletableFuture().isDone(), "and does not get the product from before it");

        answerA(); // the refresh, which may have read the row before the change
        Product changed = answerA();
        assertSame(changed, afterChange.join());
        assertServedFromMemory(cache, changed, "the refresh's result was not kept");
    }

    @Test
    void aFailedRefreshKeepsTheProductUntilTheTtl() {
        Product old = product("A");
        ProductCache cache = refreshing(old);
        queries.remove().fail(new IllegalStateException("connection lost"));

        assertSame(old, cache.get("A").await().indefinitely(), "the reader keeps the product it had");
        assertEquals(3, asked, "and its read starts another refresh");
        Product fresh = answerA();
        assertServedFromMemory(cache, fresh);
    }

    @Test
    void aReaderThatGivesUpDoesNotCancelTheQueryOthersWaitFor() {
        ProductCache cache = cache(Duration.ofMinutes(1));
        cache.get("A").subscribe().with(p -> {
        }).cancel(); // a client that hung up
        var waiting = cache.get("A").subscribeAsCompletionStage();
        assertEquals(1, asked, "the second read joined the first one's query");

        Product p = answerA();
        assertSame(p, waiting.join());
        assertServedFromMemory(cache, p, "and what it read is kept");
    }

    @Test
    void theNativeExecutableRegistersTheClassesCaffeineMakesForThisCache() throws ReflectiveOperationException {
        Object products = field(cache(Duration.ofSeconds(1)), "products");
        Object local = field(products, "cache");
        assertEquals(ProductCache.CAFFEINE_CACHE_CLASS, local.getClass().getName());
        assertEquals(ProductCache.CAFFEINE_NODE_CLASS, field(local, "nodeFactory").getClass().getName());
    }

    /** A field of {@code owner}'s class or a superclass: Caffeine's internals, read as native-image would. */
    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            for (Field f : type.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f.get(owner);
                }
            }
        }
        throw new NoSuchFieldException(name);
    }

    /** A read of {@code p} gets that very product and sends no query. */
    private void assertServedFromMemory(ProductCache cache, Product p, String... why) {
        int before = asked;
        assertSame(p, cache.get(p.productId).await().indefinitely(), String.join(" ", why));
        assertEquals(before, asked, "no query");
    }

    private static Product product(String id) {
        Product p = new Product();
        p.productId = id;
        return p;
    }
}
