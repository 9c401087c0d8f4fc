package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class QuietTest {

    /** CPU times a window apart: each window 100 ticks, {@code busy} of them busy, the rest idle. */
    private static Deque<Optional<CpuTimes>> windows(int... busy) {
        Deque<Optional<CpuTimes>> clock = new ArrayDeque<>();
        long total = 1000;
        long idle = 500;
        clock.add(Optional.of(new CpuTimes(total, 0, idle)));
        for (int b : busy) {
            total += 100;
            idle += 100 - b;
            clock.add(Optional.of(new CpuTimes(total, 0, idle)));
        }
        return clock;
    }

    @Test
    void waitsUntilOneWindowIsQuietEnough() {
        Deque<Optional<CpuTimes>> clock = windows(90, 50, 15, 80);
        AtomicInteger waited = new AtomicInteger();
        assertEquals(15, Quiet.await(clock::poll, waited::incrementAndGet, 20, 60));
        assertEquals(3, waited.get(), "three windows: 90 and 50 % busy, then 15 %");
        assertEquals(1, clock.size(), "the window after the quiet one is not read");
    }

    @Test
    void givesUpAfterItsLimitAndSaysHowBusyTheLastWindowWas() {
        AtomicInteger waited = new AtomicInteger();
        assertEquals(70, Quiet.await(windows(80, 90, 75, 70, 10)::poll, waited::incrementAndGet, 20, 4));
        assertEquals(4, waited.get());
    }

    @Test
    void withoutCpuTimesItDoesNotWait() {
        AtomicInteger waited = new AtomicInteger();
        assertTrue(Double.isNaN(Quiet.await(Optional::empty, waited::incrementAndGet, 20, 60)));
        assertEquals(0, waited.get());
    }
}
