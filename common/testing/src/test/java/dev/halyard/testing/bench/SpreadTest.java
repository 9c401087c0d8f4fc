package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianOfAnOddAndAnEvenNumberOfRuns() {
        Spread odd = Spread.of(List.of(30.0, 10.0, 20.0));
        assertEquals(20.0, odd.median());
        assertEquals(10.0, odd.min());
        assertEquals(30.0, odd.max());
        assertEquals(List.of(30.0, 10.0, 20.0), odd.runs(), "runs keep their order");
        assertEquals(15.0, Spread.of(List.of(10.0, 20.0)).median());
    }

    @Test
    void nearestRankPercentiles() {
        List<Double> sample = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            sample.add((double) i);
        }
        assertEquals(50.0, Spread.percentile(sample, 50));
        assertEquals(99.0, Spread.percentile(sample, 99));
        assertEquals(100.0, Spread.percentile(sample, 100));
        assertEquals(7.0, Spread.percentile(List.of(7.0), 99));
        assertEquals(Double.NaN, Spread.percentile(List.of(), 50));
    }

    @Test
    void noRunsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Spread.of(List.of()));
    }
}
