package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void stealIsTheEighthFieldAndGuestTimeIsNotCountedTwice() {
        CpuTimes before = CpuTimes.parse("cpu  100 0 50 800 10 0 0 40 7 0");
        CpuTimes after = CpuTimes.parse("cpu  400 0 150 1100 10 0 0 140 9 0");
        assertEquals(1000, before.total());
        assertEquals(40, before.steal());
        // 300 + 100 + 300 + 100 stolen = 800 ticks elapsed, 100 of them stolen
        assertEquals(12.5, after.stealPercentSince(before));
    }

    @Test
    void busyIsWhatWasNeitherIdleNorWaitingForIoNorStolen() {
        CpuTimes before = CpuTimes.parse("cpu  100 0 50 800 10 0 0 40 7 0");
        CpuTimes after = CpuTimes.parse("cpu  400 0 150 1100 30 0 0 140 9 0");
        assertEquals(810, before.idle());
        // 820 ticks elapsed: 300 idle, 20 waiting for I/O, 100 stolen, so 400 busy
        assertEquals(48.78, after.busyPercentSince(before));
    }

    @Test
    void noTimeElapsedIsNoSteal() {
        CpuTimes same = CpuTimes.parse("cpu  1 2 3 4 5 6 7 8");
        assertEquals(0, same.stealPercentSince(same));
    }

    @Test
    void thisMachineHasCpuTimesOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            CpuTimes now = CpuTimes.now().orElseThrow();
            assertTrue(now.total() > 0 && now.steal() >= 0 && now.steal() <= now.total(), now.toString());
            assertTrue(now.idle() > 0 && now.idle() + now.steal() <= now.total(), now.toString());
        }
    }
}
