package dev.halyard.testing.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.halyard.testing.local.ColdStart;
import dev.halyard.testing.local.Machine;

/**
 * Everything one benchmark run measured.
 *
 * @param machine what it ran on
 * @param date when
 * @param options how long and how often
 * @param startupMs per service, start to ready when started alone (the rest of the platform running)
 * @param rssMb per service, RSS at ready when started alone
 * @param startupBusyPctBefore per service, how busy the machine was in the second before each of those starts (the
 *     bench waits for it to be quiet; NaN where there is no {@code /proc/stat})
 * @param startupInPlatformMs per service, start to ready in the cold starts (all services at once)
 * @param rssAfterLoadMb per service, RSS after every load run
 * @param platformReadySeconds the whole platform, over the cold starts
 * @param product product read
 * @param order order placement
 * @param saga saga latency
 * @param cpuStealPct percent of the machine's CPU time the hypervisor took during the load runs; -1 if unknown
 */
record Results(String machine, String date, BenchOptions options, Map<String, Spread> startupMs,
        Map<String, Spread> rssMb, Map<String, List<Double>> startupBusyPctBefore,
        Map<String, Spread> startupInPlatformMs, Map<String, Double> rssAfterLoadMb,
        Spread platformReadySeconds,
        Throughput product, Throughput order, SagaProbe.Result saga, double cpuStealPct) {

    static Results of(BenchOptions options, List<ColdStart> starts, Map<String, List<Double>> soloStartMs,
            Map<String, List<Double>> soloRssMb, Map<String, List<Double>> soloBusyPctBefore, Throughput product,
            Throughput order, SagaProbe.Result saga,
            Map<String, Double> rssAfterLoad, double cpuStealPct) {
        Map<String, Spread> inPlatform = new LinkedHashMap<>();
        for (String service : starts.get(0).startupMs().keySet()) {
            inPlatform.put(service,
                    Spread.of(starts.stream().map(s -> (double) s.startupMs().get(service)).toList()));
        }
        Spread ready = Spread.of(starts.stream().map(ColdStart::platformReadySeconds).toList());
        return new Results(Machine.describe(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .toString(), options, spreads(soloStartMs), spreads(soloRssMb), soloBusyPctBefore, inPlatform,
                rssAfterLoad, ready,
                product, order, saga, cpuStealPct);
    }

    private static Map<String, Spread> spreads(Map<String, List<Double>> runs) {
        Map<String, Spread> spreads = new LinkedHashMap<>();
        runs.forEach((service, values) -> spreads.put(service, Spread.of(values)));
        return spreads;
    }

    double sagaPercentile(double p) {
        return Spread.percentile(saga.latenciesMs(), p);
    }

    /** The goals, each with what this run measured. */
    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        goals.add(Goal.atLeast("order placement / raw pgbench TPS", order.ratio(), 0.5, ""));
        goals.add(Goal.atLeast("product read / raw pgbench TPS", product.ratio(), 0.6, ""));
        goals.add(Goal.below("product read p99 at 80 % of max", product.at80().p99Ms().median(), 50, " ms"));
        goals.add(Goal.below("order placement p99 at 80 % of max", order.at80().p99Ms().median(), 50, " ms"));
        goals.add(Goal.below("saga p99 (201 to CONFIRMED)", sagaPercentile(99), 250, " ms"));
        startupMs.forEach((service, spread) -> goals
                .add(Goal.below(service + " JVM start to ready", spread.median(), 1500, " ms")));
        goals.add(Goal.below("whole local platform ready", platformReadySeconds.median(), 30, " s"));
        return goals;
    }

    /**
     * One goal and whether this run met it.
     *
     * @param what the figure
     * @param measured this run's median
     * @param target the goal
     * @param atLeast whether the figure must reach the target (else stay below it)
     * @param unit for display
     */
    record Goal(String what, double measured, double target, boolean atLeast, String unit) {

        static Goal atLeast(String what, double measured, double target, String unit) {
            return new Goal(what, measured, target, true, unit);
        }

        static Goal below(String what, double measured, double target, String unit) {
            return new Goal(what, measured, target, false, unit);
        }

        boolean met() {
            return atLeast ? measured >= target : measured < target;
        }
    }
}
