package dev.halyard.testing.bench;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for the machine to go quiet before a start is timed. The platform's services keep compiling and its broker
 * keeps rebalancing for tens of seconds after they are ready (by hand, 2026-11-24: 35, 29, 23 down to 14 % busy in
 * the ten seconds after {@code ./halyard up} was ready, 7–12 % once settled), and a service's own stop sets its
 * consumer group rebalancing: a start timed meanwhile shares the two cores with that work and measures it too.
 */
final class Quiet {

    /** The idle platform (consumers fetching, relays polling) keeps two cores 7–12 % busy. */
    static final double BUSY_PCT = 20;
    /** Windows of a second, for at most a minute. */
    static final int WINDOWS = 60;

    private Quiet() {
    }

    /**
     * Waits until the machine was at most {@link #BUSY_PCT} busy over one second, for at most {@link #WINDOWS}
     * seconds; returns how busy it was over the last second, or NaN where there is no {@code /proc/stat}.
     */
    static double await() {
        return await(CpuTimes::now, Quiet::aSecond, BUSY_PCT, WINDOWS);
    }

    static double await(Supplier<Optional<CpuTimes>> clock, Runnable window, double maxBusyPct, int maxWindows) {
        Optional<CpuTimes> before = clock.get();
        double busy = Double.NaN;
        for (int i = 0; i < maxWindows && before.isPresent(); i++) {
            window.run();
            Optional<CpuTimes> after = clock.get();
            if (after.isEmpty()) {
                return Double.NaN;
            }
            busy = after.get().busyPercentSince(before.get());
            if (busy <= maxBusyPct) {
                return busy;
            }
            before = after;
        }
        return busy;
    }

    private static void aSecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a quiet machine", e);
        }
    }
}
