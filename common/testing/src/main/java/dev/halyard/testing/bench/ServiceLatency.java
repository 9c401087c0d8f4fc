package dev.halyard.testing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open run as the service saw it: the change of its own request histogram ({@code http_server_requests_seconds},
 * from a parsed request to its answer) over the run. The load tool's latency also holds the time a request waited
 * for a core before the service read it, and the load tool's own delays; where the two differ, the tail is the
 * machine's and not the service's (on two cores the load tools, PostgreSQL, Kafka and the services share them).
 * Inside the service, the reactive database pool's own histograms split the time once more: waiting for a connection,
 * and holding one (a statement's round trip, PostgreSQL's work included). They count every use of the pool over the
 * run, so the service's background work too (the saga's consumers, the outbox relay, the read cache's refresh).
 *
 * @param requests requests the service answered during the run, with the expected status
 * @param p50Ms median, interpolated within its bucket as Prometheus's {@code histogram_quantile} does
 * @param p99Ms 99th percentile, likewise
 * @param poolWait the pool's wait for a connection over the run ({@code sql_pool_queue_delay_seconds})
 * @param poolHeld the time a connection was held ({@code sql_pool_usage_seconds})
 */
record ServiceLatency(long requests, double p50Ms, double p99Ms, Quantiles poolWait, Quantiles poolHeld) {

    private static final String REQUESTS = "http_server_requests_seconds_bucket{";
    private static final String POOL_WAIT = "sql_pool_queue_delay_seconds_bucket{";
    private static final String POOL_HELD = "sql_pool_usage_seconds_bucket{";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * What one histogram counted over a run.
     *
     * @param count observations; 0 leaves both percentiles unknown (NaN)
     * @param p50Ms median in milliseconds
     * @param p99Ms 99th percentile in milliseconds
     */
    record Quantiles(long count, double p50Ms, double p99Ms) {
    }

    /**
     * Reads one endpoint's histogram from a service's {@code /q/metrics}.
     *
     * @param metricsUrl the service's Prometheus endpoint
     * @param method the endpoint's HTTP method
     * @param uri the endpoint's route template as the service labels it, or its beginning, which leaves out the
     *        pattern of a last path parameter; a route with more segments after it does not match
     * @param status the answer the load expects (other answers are not counted)
     */
    record Probe(URI metricsUrl, String method, String uri, int status) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        /** The histograms now; the counts only grow, so two snapshots give what happened between them. */
        Snapshot snapshot() {
            HttpRequest request = HttpRequest.newBuilder(metricsUrl).timeout(Duration.ofSeconds(30)).GET().build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(metricsUrl + " answered " + response.statusCode());
                }
                return Snapshot.parse(response.body(), this);
            } catch (IOException e) {
                throw new IllegalStateException("could not read " + metricsUrl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted reading " + metricsUrl, e);
            }
        }

        boolean matches(Map<String, String> labels) {
            String route = labels.getOrDefault("uri", "");
            return method.equals(labels.get("method")) && Integer.toString(status).equals(labels.get("status"))
                    && route.startsWith(uri) && route.indexOf('/', uri.length()) < 0;
        }
    }

    /**
     * One reading of a service's metrics: the endpoint's request histogram, and the pool's two, summed over its
     * pools (a service has one reactive pool).
     */
    record Snapshot(Histogram requests, Histogram poolWait, Histogram poolHeld) {

        static Snapshot parse(String prometheusText, Probe probe) {
            return new Snapshot(Histogram.parse(prometheusText, REQUESTS, probe::matches),
                    Histogram.parse(prometheusText, POOL_WAIT, labels -> true),
                    Histogram.parse(prometheusText, POOL_HELD, labels -> true));
        }

        /**
         * What was counted after {@code before}. A run the service counted no request of fails: the probe does not
         * match what the load sent, and a figure of nothing would be quoted as one.
         */
        ServiceLatency since(Snapshot before) {
            Quantiles run = requests.since(before.requests);
            if (run.count() <= 0) {
                throw new IllegalStateException("the service's histogram counted no request of the run");
            }
            return new ServiceLatency(run.count(), run.p50Ms(), run.p99Ms(), poolWait.since(before.poolWait),
                    poolHeld.since(before.poolHeld));
        }
    }

    /**
     * Cumulative counts by bucket bound in seconds ({@code le}), summed over the series chosen; the last bound is
     * infinity.
     */
    record Histogram(NavigableMap<Double, Long> cumulative) {

        /**
         * The buckets of one histogram.
         *
         * @param bucket the bucket lines' start: the metric's name, {@code _bucket} and the opening brace
         * @param series which of its series to sum, by their labels
         */
        static Histogram parse(String prometheusText, String bucket, Predicate<Map<String, String>> series) {
            NavigableMap<Double, Long> counts = new TreeMap<>();
            for (String line : prometheusText.split("\n")) {
                if (!line.startsWith(bucket)) {
                    continue;
                }
                int end = endOfLabels(line, bucket.length());
                Map<String, String> labels = new TreeMap<>();
                Matcher label = LABEL.matcher(line.substring(bucket.length(), end));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                if (series.test(labels) && labels.containsKey("le")) {
                    // the count, then maybe an exemplar ("# {trace_id=...} 1.0 1795473350.448") for the trace
                    String count = line.substring(end + 1).strip().split("\\s+")[0];
                    counts.merge(bound(labels.get("le")), (long) Double.parseDouble(count), Long::sum);
                }
            }
            return new Histogram(counts);
        }

        /** The closing brace of a label set: route templates hold braces of their own, within quotes. */
        private static int endOfLabels(String line, int from) {
            boolean quoted = false;
            for (int i = from; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && quoted) {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == '}' && !quoted) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no end of labels in: " + line);
        }

        private static double bound(String le) {
            return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        }

        /** What was counted after {@code before}; nothing counted leaves the percentiles unknown. */
        Quantiles since(Histogram before) {
            NavigableMap<Double, Long> delta = new TreeMap<>();
            cumulative.forEach((le, count) -> delta.put(le, count - before.cumulative.getOrDefault(le, 0L)));
            long total = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
            if (total <= 0) {
                return new Quantiles(0, Double.NaN, Double.NaN);
            }
            return new Quantiles(total, quantileMs(delta, total, 0.50), quantileMs(delta, total, 0.99));
        }

        /**
         * The bucket holding the q-th request, and a linear guess within it; the open top bucket answers with its
         * lower bound, as {@code histogram_quantile} does.
         */
        private static double quantileMs(NavigableMap<Double, Long> delta, long total, double q) {
            double rank = q * total;
            double lower = 0;
            long below = 0;
            for (Map.Entry<Double, Long> bucket : delta.entrySet()) {
                if (bucket.getValue() >= rank) {
                    if (bucket.getKey().isInfinite()) {
                        return Spread.round(lower * 1000);
                    }
                    long inBucket = bucket.getValue() - below;
                    double share = inBucket == 0 ? 1 : (rank - below) / inBucket;
                    return Spread.round((lower + (bucket.getKey() - lower) * share) * 1000);
                }
                lower = bucket.getKey();
                below = bucket.getValue();
            }
            return Spread.round(lower * 1000);
        }
    }
}
