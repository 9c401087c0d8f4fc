package dev.halyard.common.metrics;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Publishes latencies as Prometheus histograms, so percentiles can be computed across pods and over any window.
 * Requests: the SLO alerts, the dashboards and the blue-green analysis (helm-charts) all query
 * {@code http_server_requests_seconds_bucket}. The reactive database pool's wait for a connection and time holding
 * one: without buckets they are summaries, whose sum and count give only a mean, and a tail spent queueing for the
 * pool could not be told from one spent in PostgreSQL ({@code ./halyard bench} reads both).
 */
@Singleton
public class MetricsSetup {

    /** Each histogram's smallest bucket bound: a pooled statement or its wait is often well under a millisecond. */
    private static final Map<String, Duration> HISTOGRAMS = Map.of(
            "http.server.requests", Duration.ofMillis(1),
            "sql.pool.queue.delay", Duration.ofNanos(100_000),
            "sql.pool.usage", Duration.ofNanos(100_000));

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                Duration smallest = HISTOGRAMS.get(id.getName());
                if (smallest == null) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) smallest.toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
