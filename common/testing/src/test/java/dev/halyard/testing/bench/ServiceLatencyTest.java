package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

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

        ServiceLatency.Histogram histogram = ServiceLatency.Histogram.parse(text, READS);

        assertEquals(7L, histogram.cumulative().get(0.001));
        assertEquals(9L, histogram.cumulative().get(Double.POSITIVE_INFINITY));
        assertEquals(2, histogram.cumulative().size(), "the 404s, the image route and the PATCHes left out");
    }

    @Test
    void aRunTheServiceCountedNothingOfFails() {
        ServiceLatency.Histogram same = histogram(5, 5, 5);

        assertThrows(IllegalStateException.class, () -> same.since(same));
        assertThrows(IllegalStateException.class, () -> ServiceLatency.Histogram.parse("", READS)
                .since(ServiceLatency.Histogram.parse("", READS)));
    }

    /** Cumulative counts at 1 ms, 2 ms, 4 ms and, if given, +Inf, as /q/metrics prints them. */
    private static ServiceLatency.Histogram histogram(long... counts) {
        String[] bounds = {"0.001", "0.002", "0.004", "+Inf"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            text.append("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"")
                    .append(READ).append("\",le=\"").append(bounds[i]).append("\"} ").append(counts[i]).append(".0\n");
        }
        return ServiceLatency.Histogram.parse(text.toString(), READS);
    }
}
