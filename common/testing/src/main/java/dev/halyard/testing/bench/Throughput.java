package dev.halyard.testing.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One endpoint against its raw limit.
 *
 * @param warmup the warm-up runs' throughput, requests per second, in order
 * @param warmupOpen the open-model run at 80 % of the last warm-up run that ends the warm-up, not counted
 * @param rps the maximum throughput the platform sustains, requests per second: each closed-model run's requests
 *     over its length plus the time the work it left behind took to finish ({@code settleS})
 * @param closedRps the closed-model runs' own throughput, as their clients saw it
 * @param settleS how long, after each closed-model run, the work it left behind took to finish (order: until no saga
 *     was pending), seconds
 * @param busyPct how busy the machine was during those closed runs, percent of its CPU time
 * @param rawTps pgbench's transactions per second for the same SQL
 * @param at50 latency at 50 % of the maximum (open model), each run at 50 % of the closed run just before it
 * @param at80 latency at 80 % of the maximum, likewise
 */
record Throughput(Spread warmup, OpenRun warmupOpen, Spread rps, Spread closedRps, Spread settleS, Spread busyPct,
        Spread rawTps, AtRate at50, AtRate at80) {

    /** The service's share of the raw limit (medians), to four places. */
    double ratio() {
        return Spread.round(rps.median() / rawTps.median(), 4);
    }

    /**
     * One open-model run: the rate asked for, what the load tool measured, what the service's own histogram
     * counted over the same run, and how busy the machine was meanwhile (percent of its CPU time).
     */
    record OpenRun(int rate, LoadRun load, ServiceLatency service, double busyPct) {
    }

    /**
     * Latency at one share of the maximum, over repeated runs, each at a fixed arrival rate.
     *
     * @param rate requests per second asked for, per run
     * @param achievedRps requests per second completed
     * @param p50Ms median of the runs' medians
     * @param p95Ms ... of their 95th percentiles
     * @param p99Ms ... of their 99th percentiles
     * @param maxMs ... of their maxima
     * @param requests requests completed over all runs
     * @param failed of those, answered with another status than expected
     * @param dropped requests the load tool did not send within the run (it fell behind the rate)
     * @param serviceRequests requests the service's own histogram counted over the runs, with the expected status
     * @param serviceP50Ms median of the runs' medians as that histogram gave them
     * @param serviceP99Ms ... of their 99th percentiles, likewise
     * @param poolWait the service's database pool over the same runs: the wait for a connection
     * @param poolHeld ... and the time a connection was held
     * @param busyPct how busy the machine was during the runs, percent of its CPU time
     */
    record AtRate(Spread rate, Spread achievedRps, Spread p50Ms, Spread p95Ms, Spread p99Ms, Spread maxMs,
            long requests, long failed, long dropped, long serviceRequests, Spread serviceP50Ms,
            Spread serviceP99Ms, PoolTime poolWait, PoolTime poolHeld, Spread busyPct) {

        static AtRate of(List<OpenRun> open) {
            List<LoadRun> runs = open.stream().map(OpenRun::load).toList();
            List<ServiceLatency> service = open.stream().map(OpenRun::service).toList();
            return new AtRate(spread(open, OpenRun::rate), spread(runs, LoadRun::rps), spread(runs, LoadRun::p50Ms),
                    spread(runs, LoadRun::p95Ms), spread(runs, LoadRun::p99Ms), spread(runs, LoadRun::maxMs),
                    runs.stream().mapToLong(LoadRun::requests).sum(), runs.stream().mapToLong(LoadRun::failed).sum(),
                    runs.stream().mapToLong(LoadRun::dropped).sum(),
                    service.stream().mapToLong(ServiceLatency::requests).sum(), spread(service, ServiceLatency::p50Ms),
                    spread(service, ServiceLatency::p99Ms),
                    PoolTime.of(service.stream().map(ServiceLatency::poolWait).toList()),
                    PoolTime.of(service.stream().map(ServiceLatency::poolHeld).toList()),
                    spread(open, OpenRun::busyPct));
        }

        private static <T> Spread spread(List<T> runs, ToDoubleFunction<T> figure) {
            return Spread.of(runs.stream().map(figure::applyAsDouble).toList());
        }
    }

    /**
     * One of the database pool's histograms over repeated runs.
     *
     * @param uses how often the pool was used over all runs (the endpoint's statements and the background's)
     * @param p50Ms median of the runs' medians, over the runs that used the pool; null if none did
     * @param p99Ms ... of their 99th percentiles, likewise
     */
    record PoolTime(long uses, Spread p50Ms, Spread p99Ms) {

        static PoolTime of(List<ServiceLatency.Quantiles> runs) {
            List<ServiceLatency.Quantiles> used = runs.stream().filter(run -> run.count() > 0).toList();
            long uses = used.stream().mapToLong(ServiceLatency.Quantiles::count).sum();
            if (used.isEmpty()) {
                return new PoolTime(0, null, null);
            }
            return new PoolTime(uses, AtRate.spread(used, ServiceLatency.Quantiles::p50Ms),
                    AtRate.spread(used, ServiceLatency.Quantiles::p99Ms));
        }

        /** The median p50, or NaN (printed "n/a") when no run used the pool. */
        double p50Median() {
            return p50Ms == null ? Double.NaN : p50Ms.median();
        }

        /** The median p99, likewise. */
        double p99Median() {
            return p99Ms == null ? Double.NaN : p99Ms.median();
        }
    }
}
