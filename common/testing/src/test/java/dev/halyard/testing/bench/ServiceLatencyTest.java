package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceLatencyTest {

    private static final String READ = "/products/api/v1/products/{id: [A-Za-z0-9][A-Za-z0-9_-]{0,63}}";
    private static final ServiceLatency.Probe READS = new ServiceLatency.Probe(URI.create("http://localhost/q/metrics"),
            "GET", "/products/api/v1/products/{id", 200);

    @Test
    void aRunIsWhatTheBucketsCountedDuringIt() {
        ServiceLatency run = histogram(10, 20, 30).since(histogram(0, 0, 0));

        assertEquals(30, run.requests());
        // 15th of 30: halfway through the (1 ms, 2 ms] bucket, which holds the 11th to the 20th
        assertEquals(1.5, run.p50Ms(), 1e-9);
        // 29.7th: 97 % of the way through (2 ms, 4 ms]
        assertEquals(3.94, run.p99Ms(), 1e-9);
    }

    @Test
    void whatWasCountedBeforeTheRunIsLeftOut() {
        // before the run 100 reads were all under 1 ms; during it, 10 more under 1 ms and 90 in (2 ms, 4 ms]
        ServiceLatency run = histogram(110, 110, 200).since(histogram(100, 100, 100));

        assertEquals(100, run.requests());
        assertEquals(2.0 + 2.0 * (50 - 10) / 90, run.p50Ms(), 0.01);
    }

    @Test
    void aPercentileInTheOpenTopBucketIsItsLowerBound() {
        ServiceLatency run = histogram(0, 0, 1, 100).since(histogram(0, 0, 0, 0));

        assertEquals(4.0, run.p99Ms(), 1e-9, "99 of the 100 took longer than the largest bound");
    }

    @Test
    void onlyTheEndpointsOwnSeriesCountAndExemplarsAreNotCounts() {
        String text = """
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{method="GET",outcome="CLIENT_ERROR",status="404",uri="%1$s",le="0.001"} 500.0
                http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/products/api/v1/products/{id}/image",le="0.001"} 500.0
                http_server_requests_seconds_bucket{method="PATCH",outcome="SUCCESS",status="200",uri="%1$s",le="0.001"} 500.0
                http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="%1$s",le="0.001"} 7.0 # {span_id="6b59",trace_id="cc6b"} 0.0004 1795473350.448
                http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="%1$s",le="+Inf"} 9.0
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="%1$s"} 9.0
                """
                .formatted(READ);

        ServiceLatency.Histogram histogram = ServiceLatency.Snapshot.parse(text, READS).requests();

        assertEquals(7L, histogram.cumulative().get(0.001));
        assertEquals(9L, histogram.cumulative().get(Double.POSITIVE_INFINITY));
        assertEquals(2, histogram.cumulative().size(), "the 404s, the image route and the PATCHes left out");
    }

    @Test
    void aRunTheServiceCountedNothingOfFails() {
        ServiceLatency.Snapshot same = histogram(5, 5, 5);

        assertThrows(IllegalStateException.class, () -> same.since(same));
        assertThrows(IllegalStateException.class, () -> ServiceLatency.Snapshot.parse("", READS)
                .since(ServiceLatency.Snapshot.parse("", READS)));
    }

    @Test
    void thePoolsHistogramsSplitTheTimeInsideTheService() {
        String before = histogramText(0, 0, 0) + pool("queue_delay", "__vertx.DEFAULT", 0, 0, 0)
                + pool("usage", "__vertx.DEFAULT", 0, 0, 0);
        // 100 uses: 90 waited at most 0.1 ms, 10 between 1 and 5 ms; held: 50 at most 1 ms, the rest up to 5 ms;
        // and a second pool's 20 uses, all short, which count with the first (a service's pools together)
        String after = histogramText(10, 20, 30)
                + pool("queue_delay", "__vertx.DEFAULT", 90, 90, 100) + pool("queue_delay", "other", 20, 20, 20)
                + pool("usage", "__vertx.DEFAULT", 0, 50, 100) + pool("usage", "other", 0, 20, 20);

        ServiceLatency run = ServiceLatency.Snapshot.parse(after, READS)
                .since(ServiceLatency.Snapshot.parse(before, READS));

        assertEquals(30, run.requests(), "the requests' own figures are untouched");
        assertEquals(120, run.poolWait().count());
        // the 60th of 120 lies in the first bucket (0, 0.1 ms]: 60/110 of the way through it
        assertEquals(0.05, run.poolWait().p50Ms(), 1e-9);
        // the 118.8th: 8.8 of the 10 in (1 ms, 5 ms]
        assertEquals(4.52, run.poolWait().p99Ms(), 1e-9);
        assertEquals(120, run.poolHeld().count());
        // the 60th: the 60th of 70 in (0.1 ms, 1 ms]
        assertEquals(0.87, run.poolHeld().p50Ms(), 1e-9);
        // the 118.8th: 48.8 of the 50 in (1 ms, 5 ms]
        assertEquals(4.9, run.poolHeld().p99Ms(), 1e-9);
    }

    @Test
    void aRunThatDidNotUseThePoolHasNoPoolFigures() {
        ServiceLatency run = histogram(10, 20, 30).since(histogram(0, 0, 0));

        assertEquals(0, run.poolWait().count());
        assertTrue(Double.isNaN(run.poolWait().p99Ms()), "no figure of nothing");
        Throughput.PoolTime none = Throughput.PoolTime.of(List.of(run.poolWait(), run.poolWait()));
        assertEquals(0, none.uses());
        assertNull(none.p99Ms(), "left out of the report, not quoted as 0");
        Throughput.PoolTime some = Throughput.PoolTime.of(List.of(run.poolWait(),
                new ServiceLatency.Quantiles(7, 0.2, 3.0), new ServiceLatency.Quantiles(5, 0.4, 9.0)));
        assertEquals(12, some.uses());
        assertEquals(6.0, some.p99Ms().median(), 1e-9, "the median of the runs that used the pool");
    }

    /** Cumulative counts at 1 ms, 2 ms, 4 ms and, if given, +Inf, as /q/metrics prints them. */
    private static ServiceLatency.Snapshot histogram(long... counts) {
        return ServiceLatency.Snapshot.parse(histogramText(counts), READS);
    }

    private static String histogramText(long... counts) {
        String[] bounds = {"0.001", "0.002", "0.004", "+Inf"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            text.append("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"")
                    .append(READ).append("\",le=\"").append(bounds[i]).append("\"} ").append(counts[i]).append(".0\n");
        }
        return text.toString();
    }

    /** One pool's histogram: cumulative counts at 0.1 ms, 1 ms and 5 ms, then +Inf, the last count again. */
    private static String pool(String metric, String poolName, long... counts) {
        String[] bounds = {"1.0E-4", "0.001", "0.005", "+Inf"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bounds.length; i++) {
            text.append("sql_pool_%s_seconds_bucket{pool_name=\"%s\",pool_type=\"sql\",le=\"%s\"} %d.0%n"
                    .formatted(metric, poolName, bounds[i], counts[Math.min(i, counts.length - 1)]));
        }
        return text.toString();
    }
}
