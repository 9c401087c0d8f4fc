package dev.halyard.testing.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How long and how often to measure. The default is a real run (about 17 minutes on 2 cores); {@code --quick}
 * checks that everything works in about 3 minutes, with figures too short to quote.
 *
 * @param out where the JSON, the report and the charts go
 * @param starts cold starts of the whole platform (startup figures); the last one stays up for the load
 * @param repeats runs of every load measurement
 * @param warmupSeconds length of each warm-up run before measuring, so the JIT and the pools are warm
 * @param maxWarmups warm-up runs at most: they repeat until two in a row agree within 10 %
 * @param seconds length of each measured run
 * @param clients concurrent clients of the closed-model runs, and pgbench's connections
 * @param sagaRate orders per second of the saga-latency run
 * @param sagaSeconds its length
 * @param quick whether this is a {@code --quick} run
 */
record BenchOptions(Path out, int starts, int repeats, int warmupSeconds, int maxWarmups, int seconds, int clients,
        int sagaRate, int sagaSeconds, boolean quick) {

    static BenchOptions parse(Path root, String[] args) {
        List<String> list = List.of(args);
        boolean quick = list.contains("--quick");
        Path out = root.resolve(value(list, "--out", ".halyard/bench"));
        return quick
                ? new BenchOptions(out, 1, 1, 3, 1, 5, 16, 5, 5, true)
                : new BenchOptions(out, 3, 3, 30, 6, 20, 16, 10, 30, false);
    }

    private static String value(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
