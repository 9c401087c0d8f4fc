package dev.halyard.testing.bench;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;

import dev.halyard.testing.local.Machine;

/**
 * The machine's CPU time so far, from the first line of {@code /proc/stat} (Linux), to tell how much of it the
 * hypervisor took while the load ran ("steal": time this VM wanted a CPU and another guest had it; on a shared VM
 * that time comes out of the services, the database and the load tools alike, and shows as latency) and how busy
 * the machine was during a run: an open run at 80 % of the maximum is only 80 % of the machine if every request
 * costs as much at that rate as at the maximum.
 *
 * @param total every field summed, in clock ticks
 * @param steal of those, stolen
 * @param idle of those, idle or waiting for I/O
 */
record CpuTimes(long total, long steal, long idle) {

    /** Now, or empty where there is no {@code /proc/stat}. */
    static Optional<CpuTimes> now() {
        return Machine.firstLine("/proc/stat", "cpu ").map(CpuTimes::parse);
    }

    /**
     * {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}: idle and iowait are the fourth
     * and fifth, steal the eighth.
     */
    static CpuTimes parse(String line) {
        long[] ticks = Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        // guest time is already counted in user time
        long total = Arrays.stream(ticks).limit(8).sum();
        return new CpuTimes(total, ticks.length > 7 ? ticks[7] : 0, ticks[3] + (ticks.length > 4 ? ticks[4] : 0));
    }

    /**
     * {@code figure} of the CPU times now against {@code before} (for instance {@code CpuTimes::busyPercentSince}),
     * or {@code absent} where there is no {@code /proc/stat}.
     */
    static double since(Optional<CpuTimes> before, ToDoubleBiFunction<CpuTimes, CpuTimes> figure, double absent) {
        return before.flatMap(start -> now().map(end -> figure.applyAsDouble(end, start))).orElse(absent);
    }

    /** Percent of the CPU time since {@code before} that was neither idle nor stolen. */
    double busyPercentSince(CpuTimes before) {
        return percentSince(before, busy() - before.busy());
    }

    /** Percent of the CPU time since {@code before} that was stolen. */
    double stealPercentSince(CpuTimes before) {
        return percentSince(before, steal - before.steal);
    }

    private long busy() {
        return total - idle - steal;
    }

    private double percentSince(CpuTimes before, long ticks) {
        long elapsed = total - before.total;
        return elapsed <= 0 ? 0 : Spread.round(100.0 * ticks / elapsed);
    }
}
