package dev.halyard.testing.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.halyard.testing.Domain;
import dev.halyard.testing.PostgresServer;
import dev.halyard.testing.local.Platform;

/**
 * Saga latency: orders at a steady arrival rate, and for each the time from its 201 (as the client saw it) to the
 * moment the order service marked it CONFIRMED ({@code confirmed_at}, written on the same machine's clock). No
 * polling, so measuring adds no load.
 */
final class SagaProbe {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** Longer than the order service's expiry (2 minutes), after which no order is PENDING whatever happened. */
    private static final Duration DRAIN = Duration.ofMinutes(3);

    /**
     * What the probe saw.
     *
     * @param sent orders sent
     * @param accepted answered 201
     * @param confirmed reached CONFIRMED
     * @param latenciesMs 201 to CONFIRMED of each confirmed order
     */
    record Result(int sent, int accepted, int confirmed, List<Double> latenciesMs) {
    }

    private SagaProbe() {
    }

    /**
     * Waits until the sagas of earlier load have all settled (so no backlog is measured as latency), warms the saga
     * up for {@code warmupSeconds} at {@code rate}, lets it settle, then measures.
     */
    static Result run(Platform platform, Shop shop, int rate, int seconds, int warmupSeconds)
            throws InterruptedException {
        List<String> tokens = shop.tokens();
        drain(platform);
        settle(platform, send(platform, shop, tokens, rate, warmupSeconds));
        Map<UUID, Instant> acceptedAt = send(platform, shop, tokens, rate, seconds);
        List<Double> latencies = settle(platform, acceptedAt);
        return new Result(rate * seconds, acceptedAt.size(), latencies.size(), latencies);
    }

    /** Sends {@code rate} orders a second for {@code seconds}; returns when each 201 was received. */
    private static Map<UUID, Instant> send(Platform platform, Shop shop, List<String> tokens, int rate, int seconds)
            throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI orders = URI.create(platform.url(Domain.ORDER) + "/orders/api/v1/orders");
        Map<UUID, Instant> acceptedAt = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        int total = rate * seconds;
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(orders)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get(n % tokens.size()))
                    .POST(HttpRequest.BodyPublishers.ofString(body(shop, n))).build();
            CompletableFuture<?> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        Instant at = Instant.now();
                        if (response.statusCode() == 201) {
                            acceptedAt.put(orderId(response.body()), at);
                        }
                    });
            synchronized (inFlight) {
                inFlight.add(answer);
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        // not shutdownNow: the last send may still be between counting itself and registering its answer, and an
        // interrupt there (or collecting before it registers) loses that order from the figures
        clock.shutdown();
        if (!clock.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the last order was not sent within 10 s");
        }
        synchronized (inFlight) {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        return acceptedAt;
    }

    /** Waits until no accepted order is PENDING, then reads when each was confirmed. */
    private static List<Double> settle(Platform platform, Map<UUID, Instant> acceptedAt) throws InterruptedException {
        PostgresServer.Database db = platform.backing().database(Domain.ORDER);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            Array ids = c.createArrayOf("uuid", acceptedAt.keySet().toArray());
            while (pending(c, ids) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            List<Double> latencies = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select order_id, confirmed_at from customer_order"
                    + " where order_id = any(?) and status = 'CONFIRMED'")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant confirmed = rs.getObject(2, OffsetDateTime.class).toInstant();
                        Instant accepted = acceptedAt.get(rs.getObject(1, UUID.class));
                        latencies.add(Duration.between(accepted, confirmed).toNanos() / 1e6);
                    }
                }
            }
            return latencies;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the orders' outcomes", e);
        }
    }

    /**
     * Waits (at most {@link #DRAIN}) until no order at all is PENDING: every saga a load started has ended. Also run
     * before each order open-model run of the bench, so that it does not measure the sagas left behind.
     */
    static void drain(Platform platform) {
        PostgresServer.Database db = platform.backing().database(Domain.ORDER);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from customer_order where status = 'PENDING'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100); // the bench counts this wait into order's maximum
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the pending orders", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sagas", e);
        }
    }

    private static int pending(Connection c, Array ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from customer_order where order_id = any(?) and status = 'PENDING'")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String body(Shop shop, int n) {
        String product = Integer.toString(Shop.FIRST_PRODUCT + n % shop.products());
        try {
            return Json.MAPPER.writeValueAsString(Map.of("idempotency_key", "saga-" + UUID.randomUUID(), "items",
                    List.of(Map.of("product_id", product, "product_name", "Bench " + product, "quantity", 1,
                            "price", new java.math.BigDecimal(Shop.PRICE)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID orderId(String body) {
        try {
            return UUID.fromString(Json.MAPPER.readTree(body).path("order_id").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a 201 without an order id: " + body, e);
        }
    }
}
