package dev.halyard.e2e.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.halyard.e2e.support.Client;
import dev.halyard.e2e.support.Nginx;
import dev.halyard.e2e.support.OrderStream;
import dev.halyard.e2e.support.RunningPlatform;
import dev.halyard.e2e.support.Scoreboard;
import dev.halyard.testing.Domain;
import dev.halyard.testing.Ports;
import dev.halyard.testing.local.Platform;
import dev.halyard.testing.local.ServiceProcess;

/**
 * Scenario 5: the product service as blue (the platform's instance) and green (a second one on the same database
 * and topics, as the two ReplicaSets of a Rollout) behind nginx. Under a constant read load, traffic moves blue →
 * green → blue; then green, now the old version, drains and stops gracefully. Not one request fails.
 */
class BlueGreenSwitchTest {

    private static final int CLIENTS = 8;

    @Test
    void switchingBlueToGreenAndBackUnderLoadFailsNothing() throws Exception {
        Platform platform = RunningPlatform.get();
        Client client = new Client(platform);
        String product = client.newProduct(client.admin(), 10, OrderStream.PRICE);
        int blue = platform.port(Domain.PRODUCT);
        int greenPort = Ports.free();
        ServiceProcess green = platform.startInstance(Domain.PRODUCT, greenPort, "product-green");
        Map<String, Object> details = new LinkedHashMap<>();
        try (Nginx nginx = Nginx.start(RunningPlatform.root().resolve("e2e/target/nginx"), Ports.free(), blue);
                ReadLoad load = new ReadLoad(nginx.url() + "/products/api/v1/products/" + product)) {
            load.start();
            SagaScenario.sleep(Duration.ofSeconds(4));
            nginx.switchTo(greenPort);
            SagaScenario.sleep(Duration.ofSeconds(4));
            nginx.switchTo(blue);
            // green is the old version now: wait until it has served its last request, then stop it gracefully
            long drained = load.awaitIdle("127.0.0.1:" + greenPort, Duration.ofMillis(500), Duration.ofSeconds(10));
            long stopping = System.nanoTime();
            green.terminate();
            int exitCode = green.awaitExit(Duration.ofSeconds(30));
            SagaScenario.sleep(Duration.ofSeconds(2));
            load.stop();

            details.put("served_by", load.servedBy());
            details.put("green_exit_code", exitCode);
            details.put("green_idle_before_stop_ms", (stopping - drained) / 1_000_000);
            details.put("failures", load.failures());
            Scoreboard.record("blue-green-switch", load.sent(), load.ok(), load.sent() - load.failures().size(),
                    load.failures().size(), "0 failed requests through blue -> green -> blue; the old version "
                            + "serves nothing after it starts stopping",
                    details);

            assertEquals(List.of(), load.failures(), "failed requests");
            assertTrue(load.servedBy().getOrDefault("127.0.0.1:" + greenPort, 0) > 0, "green served: " + details);
            assertTrue(load.servedBy().getOrDefault("127.0.0.1:" + blue, 0) > 0, "blue served: " + details);
            assertTrue(load.lastServedAt("127.0.0.1:" + greenPort) < stopping,
                    "green served a request after it began to stop");
            assertTrue(exitCode == 0 || exitCode == 143, "green stopped gracefully: exit " + exitCode);
        } finally {
            green.stop();
        }
    }

    /** {@value #CLIENTS} clients reading one product in a loop, noting which upstream served each answer. */
    private static final class ReadLoad implements AutoCloseable {

        private final URI url;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger ok = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> lastServedAt = new ConcurrentHashMap<>();
        private volatile boolean running = true;

        ReadLoad(String url) {
            this.url = URI.create(url);
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                clients.execute(this::loop);
            }
        }

        private void loop() {
            while (running) {
                sent.incrementAndGet();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    String upstream = response.headers().firstValue("X-Upstream").orElse("?");
                    if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                        servedBy.computeIfAbsent(upstream, k -> new AtomicInteger()).incrementAndGet();
                        lastServedAt.computeIfAbsent(upstream, k -> new AtomicLong()).accumulateAndGet(
                                System.nanoTime(), Math::max);
                    } else {
                        failures.add(response.statusCode() + " from " + upstream);
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }

        /** Waits until {@code upstream} has served nothing for {@code quiet}; returns when it last served. */
        long awaitIdle(String upstream, Duration quiet, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long last = lastServedAt(upstream);
                if (System.nanoTime() - last > quiet.toNanos()) {
                    return last;
                }
                Thread.sleep(50);
            }
            throw new AssertionError(upstream + " still serving after " + timeout);
        }

        long lastServedAt(String upstream) {
            AtomicLong last = lastServedAt.get(upstream);
            return last == null ? 0 : last.get();
        }

        Map<String, Integer> servedBy() {
            Map<String, Integer> copy = new java.util.TreeMap<>();
            servedBy.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }

        int sent() {
            return sent.get();
        }

        int ok() {
            return ok.get();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        void stop() throws InterruptedException {
            running = false;
            clients.shutdown();
            clients.awaitTermination(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            running = false;
            clients.shutdownNow();
        }
    }
}
