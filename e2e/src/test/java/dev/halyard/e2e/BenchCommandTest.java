package dev.halyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.halyard.testing.bench.Tools;

/**
 * {@code ./halyard bench --quick} end to end: the real load tools (oha, vegeta, pgbench) against the packaged services. The
 * figures of a quick run are too short to judge, so this checks that every one is there and sane, that no request
 * failed and no order was lost, not how fast anything was.
 */
class BenchCommandTest {

    /** {@code halyard.order.checkout.max-batch}'s default: the most orders one checkout statement writes. */
    private static final long MAX_CHECKOUT_BATCH = 64;

    private static final List<String> KEYS = List.of("product_rps", "product_raw_tps", "product_ratio",
            "product_p99_ms_at_80pct", "order_rps", "order_raw_tps", "order_ratio", "order_p99_ms_at_80pct",
            "saga_p50_ms", "saga_p99_ms", "platform_ready_s");

    private static Path out;
    private static List<String> printed;
    private static JsonNode figures;

    @BeforeAll
    static void runQuickBench() throws Exception {
        Path root = Path.of(System.getProperty("halyard.root", "..")).toAbsolutePath().normalize();
        out = root.resolve("e2e/target/bench");
        Path log = root.resolve("e2e/target/bench.log");
        Files.createDirectories(log.getParent());
        // installed first, so that the time limit below is the bench's: on a fresh machine building oha alone took
        // 9.5 of its 15 minutes (2026-12-08)
        for (String tool : List.of("oha", "vegeta", "pgbench")) {
            Tools.path(root, tool);
        }
        // the bench's own main, as ./halyard bench runs it, with this module's class path
        Process bench = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhalyard.root=" + root, "-cp", System.getProperty("java.class.path"),
                "dev.halyard.testing.bench.Bench", "--quick", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!bench.waitFor(15, TimeUnit.MINUTES)) {
            bench.destroyForcibly().waitFor();
        }
        printed = Files.readAllLines(log);
        assertEquals(0, bench.exitValue(), () -> "bench failed:\n" + String.join("\n", printed));
        figures = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
    }

    @Test
    void printsTheJsonPathLast() {
        assertEquals(out.resolve("bench.json").toString(), printed.get(printed.size() - 1));
    }

    @Test
    void reportsEveryHeadlineFigure() {
        for (String key : KEYS) {
            assertTrue(figures.path(key).isNumber() && figures.path(key).asDouble() > 0, key + ": " + figures.get(key));
        }
        for (String perService : List.of("startup_ms", "rss_mb", "rss_after_load_mb")) {
            for (String service : List.of("user", "product", "order")) {
                assertTrue(figures.path(perService).path(service).asDouble() > 0, perService + "." + service);
            }
        }
        assertEquals(figures.path("product_rps").asDouble() / figures.path("product_raw_tps").asDouble(),
                figures.path("product_ratio").asDouble(), 0.01, "ratio is service over raw");
    }

    /**
     * Each start alone is timed once the machine is quiet (right after the cold starts the other services are still
     * compiling), and the report says how busy it was in the second before.
     */
    @Test
    void eachStartAloneSaysHowBusyTheMachineWasBeforeIt() {
        JsonNode details = figures.path("details");
        for (String service : List.of("user", "product", "order")) {
            JsonNode busy = details.path("startup_busy_pct_before").path(service);
            assertEquals(details.path("startup_ms").path(service).path("runs").size(), busy.size(), service);
            for (JsonNode before : busy) {
                assertTrue(before.isNumber() && before.asDouble() >= 0 && before.asDouble() <= 100,
                        service + ": " + busy);
            }
        }
        assertTrue(String.join("\n", printed).contains("busy in the second before each"), "printed");
    }

    @Test
    void noRequestFailed() {
        JsonNode details = figures.path("details");
        for (String endpoint : List.of("product", "order")) {
            for (String load : List.of("at50", "at80")) {
                JsonNode at = details.path(endpoint).path(load);
                assertTrue(at.path("requests").asLong() > 0, endpoint + " " + load + " sent requests");
                assertEquals(0, at.path("failed").asLong(), endpoint + " " + load + " failed requests");
            }
        }
    }

    /**
     * The service's own figures come from the series of the endpoint the load sent to: it counted every answer the
     * load tool got, and nothing else. Its histogram is read just before the load tool starts and after it ends,
     * and nothing else sends to that endpoint meanwhile, so the counts are equal.
     */
    @Test
    void theServicesOwnHistogramCountedTheOpenRunsRequests() {
        for (String endpoint : List.of("product", "order")) {
            assertTrue(figures.path(endpoint + "_service_p99_ms_at_80pct").asDouble() > 0, endpoint);
            for (String load : List.of("at50", "at80")) {
                JsonNode at = figures.path("details").path(endpoint).path(load);
                assertEquals(at.path("requests").asLong(), at.path("service_requests").asLong(), endpoint + " " + load);
                assertTrue(at.path("service_p99_ms").path("median").asDouble() >= at.path("service_p50_ms")
                        .path("median").asDouble(), endpoint + " " + load);
            }
        }
    }

    /**
     * Order's pool figures come from its database pool's own histograms: checkouts are written by statements of at
     * most {@link #MAX_CHECKOUT_BATCH} orders on it (group commit) and the saga's and relay's statements come on
     * top, so the pool was used at least once per that many orders placed.
     */
    @Test
    void orderPoolsHistogramsCountedTheCheckoutsStatements() {
        assertTrue(figures.path("order_pool_held_p99_ms_at_80pct").asDouble() > 0, "held p99 at 80 %");
        assertTrue(figures.path("order_pool_wait_p99_ms_at_80pct").isNumber(), "wait p99 at 80 %");
        for (String load : List.of("at50", "at80")) {
            JsonNode at = figures.path("details").path("order").path(load);
            for (String pool : List.of("pool_wait", "pool_held")) {
                long uses = at.path(pool).path("uses").asLong();
                assertTrue(uses > 0 && uses * MAX_CHECKOUT_BATCH >= at.path("requests").asLong(),
                        load + " " + pool + ": " + at.path(pool).path("uses") + " uses for " + at.path("requests"));
                assertTrue(at.path(pool).path("p99_ms").path("median").asDouble() >= at.path(pool).path("p50_ms")
                        .path("median").asDouble(), load + " " + pool);
            }
        }
    }

    /** How busy the machine was, from /proc/stat around each closed and open run: a share of its CPU time. */
    @Test
    void reportsHowBusyTheMachineWasInEachRun() {
        for (String endpoint : List.of("product", "order")) {
            JsonNode measured = figures.path("details").path(endpoint);
            for (String key : List.of(endpoint + "_busy_pct_at_max", endpoint + "_busy_pct_at_80pct")) {
                double busy = figures.path(key).asDouble();
                assertTrue(busy > 0 && busy <= 100, key + ": " + figures.get(key));
            }
            assertEquals(measured.path("rps").path("runs").size(), measured.path("busy_pct").path("runs").size(),
                    endpoint + ": one figure per closed run");
            for (String load : List.of("at50", "at80")) {
                assertEquals(measured.path(load).path("rate").path("runs").size(),
                        measured.path(load).path("busy_pct").path("runs").size(), endpoint + " " + load);
            }
        }
    }

    @Test
    void eachOpenRunTakesItsRateFromTheMaximumMeasuredJustBeforeIt() {
        for (String endpoint : List.of("product", "order")) {
            JsonNode measured = figures.path("details").path(endpoint);
            JsonNode maxima = measured.path("rps").path("runs");
            assertTrue(maxima.size() > 0, endpoint + " closed runs");
            for (var share : Map.of("at50", 0.5, "at80", 0.8).entrySet()) {
                JsonNode rates = measured.path(share.getKey()).path("rate").path("runs");
                assertEquals(maxima.size(), rates.size(), endpoint + " " + share.getKey() + ": one run per maximum");
                for (int i = 0; i < maxima.size(); i++) {
                    assertEquals(maxima.get(i).asDouble() * share.getValue(), rates.get(i).asDouble(), 1,
                            endpoint + " " + share.getKey() + " run " + (i + 1));
                }
            }
        }
    }

    /**
     * The maximum is a rate the platform sustains: a closed run's throughput over its length plus the time the work
     * it left behind took to finish. Reads leave nothing behind; orders leave the sagas still running when the run
     * ends, which the bench waits for.
     */
    @Test
    void theMaximumCountsTheTimeTheClosedRunsLeftoversTookToSettle() {
        double seconds = figures.path("details").path("settings").path("seconds").asDouble();
        assertTrue(seconds > 0, "the runs' length is reported");
        for (String endpoint : List.of("product", "order")) {
            JsonNode measured = figures.path("details").path(endpoint);
            JsonNode maxima = measured.path("rps").path("runs");
            JsonNode closed = measured.path("closed_rps").path("runs");
            JsonNode settled = measured.path("settle_s").path("runs");
            assertEquals(maxima.size(), closed.size(), endpoint + ": one closed figure per maximum");
            assertEquals(maxima.size(), settled.size(), endpoint + ": one settle time per maximum");
            for (int i = 0; i < maxima.size(); i++) {
                assertTrue(settled.get(i).asDouble() >= 0 && settled.get(i).asDouble() < 180, endpoint + " settle");
                assertEquals(closed.get(i).asDouble() * seconds / (seconds + settled.get(i).asDouble()),
                        maxima.get(i).asDouble(), 1, endpoint + " run " + (i + 1));
            }
        }
        assertTrue(figures.path("details").path("product").path("settle_s").path("max").asDouble() < 0.1,
                "reads leave nothing behind");
        assertTrue(figures.path("order_closed_rps").asDouble() >= figures.path("order_rps").asDouble(),
                "a closed run's own rate is at least the sustained one");
        assertTrue(figures.path("order_settle_s_after_max").isNumber(), "order's settle time is a headline figure");
    }

    /**
     * The warm-up ends with an open-model run at 80 % of its last closed run, which the measured runs do not
     * include: the open runs' many connections are warm before the first one counts.
     */
    @Test
    void theWarmUpEndsWithAnOpenRunAtEightyPercentOfItsLast() {
        for (String endpoint : List.of("product", "order")) {
            JsonNode measured = figures.path("details").path(endpoint);
            JsonNode warmups = measured.path("warmup").path("runs");
            JsonNode open = measured.path("warmup_open");
            assertEquals(warmups.get(warmups.size() - 1).asDouble() * 0.8, open.path("rate").asDouble(), 1, endpoint);
            assertTrue(open.path("load").path("requests").asLong() > 0, endpoint + " warm-up open run sent requests");
            assertEquals(0, open.path("load").path("failed").asLong(), endpoint + " warm-up open run failures");
            assertEquals(open.path("load").path("requests").asLong(), open.path("service").path("requests").asLong(),
                    endpoint + ": the service counted the warm-up open run's requests");
            assertTrue(open.path("busy_pct").asDouble() > 0, endpoint + " busy during the warm-up open run");
        }
        assertTrue(String.join("\n", printed).contains("in the open model (p99"), "the warm-up's open run is printed");
    }

    @Test
    void everySagaOrderSettled() {
        JsonNode details = figures.path("details");
        JsonNode saga = details.path("saga");
        assertTrue(saga.path("sent").asInt() > 0);
        assertEquals(saga.path("sent").asInt(), saga.path("accepted").asInt(), "every order answered 201");
        assertEquals(saga.path("accepted").asInt(), saga.path("confirmed").asInt(), "every order CONFIRMED");
        assertTrue(figures.path("saga_p99_ms").asDouble() >= figures.path("saga_p50_ms").asDouble());
    }

    @Test
    void writesTheReportAndItsCharts() throws IOException {
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Goals") && report.contains("![latency](latency.png)"), report);
        for (String chart : List.of("latency.png", "throughput.png")) {
            BufferedImage image = ImageIO.read(out.resolve(chart).toFile());
            assertNotNull(image, chart + " is a PNG");
            assertEquals(900, image.getWidth(), chart);
        }
    }
}
