package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's figures: {@code bench.json}, {@code report.md}, {@code latency.png} and {@code throughput.png}. */
final class Report {

    private Report() {
    }

    /** Writes everything into {@code out}; returns the JSON's path. */
    static Path write(Results r, Path out) {
        try {
            Path json = out.resolve("bench.json");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), json(r));
            Files.writeString(out.resolve("report.md"), markdown(r));
            latencyChart(r).write(out.resolve("latency.png"));
            throughputChart(r).write(out.resolve("throughput.png"));
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headline keys first (medians), then every run behind them. */
    static Map<String, Object> json(Results r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("machine", r.machine());
        j.put("date", r.date());
        j.put("mode", r.options().quick() ? "quick" : "full");
        j.put("product_rps", r.product().rps().median());
        j.put("product_raw_tps", r.product().rawTps().median());
        j.put("product_ratio", r.product().ratio());
        j.put("product_p99_ms_at_80pct", r.product().at80().p99Ms().median());
        j.put("order_rps", r.order().rps().median());
        j.put("order_raw_tps", r.order().rawTps().median());
        j.put("order_ratio", r.order().ratio());
        j.put("order_p99_ms_at_80pct", r.order().at80().p99Ms().median());
        j.put("product_service_p99_ms_at_80pct", r.product().at80().serviceP99Ms().median());
        j.put("order_service_p99_ms_at_80pct", r.order().at80().serviceP99Ms().median());
        j.put("order_pool_wait_p99_ms_at_80pct", r.order().at80().poolWait().p99Median());
        j.put("order_pool_held_p99_ms_at_80pct", r.order().at80().poolHeld().p99Median());
        j.put("product_busy_pct_at_max", r.product().busyPct().median());
        j.put("product_busy_pct_at_80pct", r.product().at80().busyPct().median());
        j.put("order_busy_pct_at_max", r.order().busyPct().median());
        j.put("order_closed_rps", r.order().closedRps().median());
        j.put("order_settle_s_after_max", r.order().settleS().median());
        j.put("order_busy_pct_at_80pct", r.order().at80().busyPct().median());
        j.put("saga_p50_ms", r.sagaPercentile(50));
        j.put("saga_p95_ms", r.sagaPercentile(95));
        j.put("saga_p99_ms", r.sagaPercentile(99));
        j.put("startup_ms", medians(r.startupMs()));
        j.put("rss_mb", medians(r.rssMb()));
        j.put("rss_after_load_mb", r.rssAfterLoadMb());
        j.put("platform_ready_s", r.platformReadySeconds().median());
        j.put("cpu_steal_pct", r.cpuStealPct());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("settings", r.options());
        details.put("product", r.product());
        details.put("order", r.order());
        details.put("saga", Map.of("sent", r.saga().sent(), "accepted", r.saga().accepted(), "confirmed",
                r.saga().confirmed(), "rate_per_s", r.options().sagaRate(), "max_ms", r.sagaPercentile(100)));
        details.put("startup_ms", r.startupMs());
        details.put("startup_busy_pct_before", r.startupBusyPctBefore());
        details.put("startup_in_platform_ms", r.startupInPlatformMs());
        details.put("rss_mb", r.rssMb());
        details.put("platform_ready_s", r.platformReadySeconds());
        details.put("goals", r.goals().stream().map(g -> Map.of("goal", g.what(), "target", g.target(),
                "measured", g.measured(), "met", g.met())).toList());
        j.put("details", details);
        return j;
    }

    private static Map<String, Double> medians(Map<String, Spread> spreads) {
        Map<String, Double> medians = new LinkedHashMap<>();
        spreads.forEach((k, v) -> medians.put(k, v.median()));
        return medians;
    }

    private static String warmupOpen(Throughput t) {
        Throughput.OpenRun run = t.warmupOpen();
        return f("p99 %s ms at %d/s (machine %s %% busy)", num(run.load().p99Ms()), run.rate(), num(run.busyPct()));
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        md.append(f("# Benchmark%n%n%s, %s (%s run: %d cold starts, %d runs of %d s per figure after warm-up runs"
                + " of %d s until two in a row agree within 10 %% (at most %d), %d clients).%n%n", r.machine(),
                r.date(), r.options().quick() ? "quick" : "full", r.options().starts(), r.options().repeats(),
                r.options().seconds(), r.options().warmupSeconds(), r.options().maxWarmups(), r.options().clients()));
        if (r.cpuStealPct() >= 0) {
            md.append(f("During the load runs the hypervisor took %s %% of this VM's CPU time (steal): time the"
                    + " services, the database and the load tools wanted a CPU and another guest had it.%n%n",
                    num(r.cpuStealPct())));
        }
        md.append("## Goals\n\n| goal | target | measured | met |\n|---|---|---|---|\n");
        for (Results.Goal g : r.goals()) {
            md.append(f("| %s | %s %s%s | %s%s | %s |%n", g.what(), g.atLeast() ? "≥" : "<", num(g.target()),
                    g.unit(), num(g.measured()), g.unit(), g.met() ? "yes" : "**no**"));
        }
        md.append("\n## Throughput against the raw limit\n\n")
                .append("| endpoint | service max (req/s) | closed run (req/s) | settled after it (s) | machine busy")
                .append(" | raw pgbench (TPS) | ratio |\n|---|---|---|---|---|---|---|\n");
        throughputRow(md, "GET product", r.product());
        throughputRow(md, "POST order", r.order());
        md.append("\nThe maximum is what the platform sustains: each closed run's requests over its length plus the"
                + " time the work it left behind then took to finish (for orders, until no saga was pending), so the"
                + " open runs' 80 % and 50 % are shares of a rate the platform keeps up with, its background work"
                + " included.\n");
        md.append(f(
                "%nWarm-up runs, requests/s: GET product %s; POST order %s. Each warm-up ends with an open-model run"
                        + " at 80 %% of its last run, not counted: GET product %s, POST order %s.%n",
                r.product().warmup().runs(), r.order().warmup().runs(), warmupOpen(r.product()),
                warmupOpen(r.order())));
        md.append("\nThe product service answers most reads from its read cache (`halyard.product.read-cache.ttl`,"
                + " 1 s by default): the raw run is the SELECT each cache miss sends, the service's figure is what a"
                + " client gets.\n");
        md.append("\n![throughput](throughput.png)\n\n## Latency at fixed arrival rates (open model)\n\n")
                .append("| endpoint | rate (req/s, median of the runs) | machine busy | p50 ms | p95 ms | p99 ms | max ms")
                .append(" | failed | dropped | service's p50 ms | service's p99 ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        latencyRow(md, "GET product (50 %)", r.product().at50());
        latencyRow(md, "GET product (80 %)", r.product().at80());
        latencyRow(md, "POST order (50 %)", r.order().at50());
        latencyRow(md, "POST order (80 %)", r.order().at80());
        md.append("\nThe first percentiles are the load tool's, from when each request was due. The service's are"
                + " from its own request histogram (`http_server_requests_seconds`, from a parsed request to its"
                + " answer) over the same runs, interpolated within a bucket as Prometheus's `histogram_quantile`"
                + " does: what lies between the two is time a request waited for a core before the service read it,"
                + " and the load tool's own delays. The histogram's first bucket ends at 1 ms, so a service figure"
                + " under 1 ms only says that it was under 1 ms. Machine busy is the share of the machine's CPU"
                + " time that was neither idle nor stolen during the runs (`/proc/stat`), the load tools' included:"
                + " where it is close to the maximum's, a rate below the maximum still queues.\n");
        md.append("\n### Inside the service: its database pool\n\n")
                .append("| endpoint | pool uses | wait p50 ms | wait p99 ms | held p50 ms | held p99 ms |\n")
                .append("|---|---|---|---|---|---|\n");
        poolRow(md, "GET product (50 %)", r.product().at50());
        poolRow(md, "GET product (80 %)", r.product().at80());
        poolRow(md, "POST order (50 %)", r.order().at50());
        poolRow(md, "POST order (80 %)", r.order().at80());
        md.append("\nFrom the reactive pool's own histograms over the same runs (`sql_pool_queue_delay_seconds`:"
                + " waiting for a connection; `sql_pool_usage_seconds`: holding one, so a statement's round trip"
                + " with PostgreSQL's work and the wait for the event loop to take its answer), medians of the runs."
                + " They count every use of the pool, so the service's background work too: the saga's consumers"
                + " and the outbox relay in order, the read cache's queries in product. Their first bucket ends at"
                + " 0.1 ms.\n");
        md.append(f("%nSaga, 201 to CONFIRMED at %d orders/s: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms (%d sent,"
                + " %d accepted, %d confirmed).%n%n![latency](latency.png)%n%n", r.options().sagaRate(),
                num(r.sagaPercentile(50)), num(r.sagaPercentile(95)), num(r.sagaPercentile(99)),
                num(r.sagaPercentile(100)), r.saga().sent(), r.saga().accepted(), r.saga().confirmed()));
        md.append("## Startup and memory (JVM)\n\n")
                .append("| service | start to ready alone, ms (min–max) | machine busy before each, % | in a cold start")
                .append(" of all, ms | RSS at ready MiB | RSS after load MiB |\n|---|---|---|---|---|---|\n");
        r.startupMs().forEach((service, startup) -> md.append(f("| %s | %s (%s–%s) | %s | %s | %s | %s |%n", service,
                num(startup.median()), num(startup.min()), num(startup.max()),
                String.join(", ", r.startupBusyPctBefore().get(service).stream().map(Report::num).toList()),
                num(r.startupInPlatformMs().get(service).median()), num(r.rssMb().get(service).median()),
                num(r.rssAfterLoadMb().get(service)))));
        md.append(f("%nWhole platform (PostgreSQL, Kafka, S3, three services) ready in %s s (%s–%s).%n",
                num(r.platformReadySeconds().median()), num(r.platformReadySeconds().min()),
                num(r.platformReadySeconds().max())));
        return md.toString();
    }

    private static void throughputRow(StringBuilder md, String name, Throughput t) {
        md.append(f("| %s | %s (%s–%s) | %s | %s (%s–%s) | %s %% | %s (%s–%s) | %s |%n", name, num(t.rps().median()),
                num(t.rps().min()), num(t.rps().max()), num(t.closedRps().median()), num(t.settleS().median()),
                num(t.settleS().min()), num(t.settleS().max()), num(t.busyPct().median()), num(t.rawTps().median()),
                num(t.rawTps().min()), num(t.rawTps().max()), num(t.ratio())));
    }

    private static void latencyRow(StringBuilder md, String name, Throughput.AtRate a) {
        md.append(
                f("| %s | %s | %s %% | %s | %s | %s | %s | %d | %d | %s | %s |%n", name, num(a.rate().median()),
                        num(a.busyPct().median()), num(a.p50Ms().median()), num(a.p95Ms().median()),
                        num(a.p99Ms().median()),
                        num(a.maxMs().median()), a.failed(), a.dropped(), num(a.serviceP50Ms().median()),
                        num(a.serviceP99Ms().median())));
    }

    private static void poolRow(StringBuilder md, String name, Throughput.AtRate a) {
        md.append(f("| %s | %d | %s | %s | %s | %s |%n", name, a.poolWait().uses(),
                num(a.poolWait().p50Median()), num(a.poolWait().p99Median()), num(a.poolHeld().p50Median()),
                num(a.poolHeld().p99Median())));
    }

    private static BarChart latencyChart(Results r) {
        List<Throughput.AtRate> rates = List.of(r.product().at50(), r.product().at80(), r.order().at50(),
                r.order().at80());
        double[][] values = new double[3][5];
        for (int i = 0; i < rates.size(); i++) {
            values[0][i] = rates.get(i).p50Ms().median();
            values[1][i] = rates.get(i).p95Ms().median();
            values[2][i] = rates.get(i).p99Ms().median();
        }
        values[0][4] = r.sagaPercentile(50);
        values[1][4] = r.sagaPercentile(95);
        values[2][4] = r.sagaPercentile(99);
        return new BarChart("Latency percentiles (open model; saga: 201 to CONFIRMED)", "ms",
                List.of("product @50%", "product @80%", "order @50%", "order @80%", "saga"),
                List.of("p50", "p95", "p99"), values);
    }

    private static BarChart throughputChart(Results r) {
        return new BarChart("Maximum throughput: service vs raw PostgreSQL (pgbench, same SQL)", "per s",
                List.of("GET product", "POST order"), List.of("service (req/s)", "raw pgbench (TPS)"),
                new double[][]{{r.product().rps().median(), r.order().rps().median()},
                        {r.product().rawTps().median(), r.order().rawTps().median()}});
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
