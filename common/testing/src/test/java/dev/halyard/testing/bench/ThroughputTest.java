package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void ratioOfTheMediansToFourPlacesAsWritten() {
        // the figures of the bench of 2026-12-07, whose JSON carried 0.7354999999999999
        assertEquals("0.7355", Double.toString(ratio(33585.13, 45660.88)));
        assertEquals("0.2332", Double.toString(ratio(1978.51, 8483.93)));
        assertEquals("1.0", Double.toString(ratio(500, 500)));
    }

    private static double ratio(double rps, double rawTps) {
        Spread service = Spread.of(List.of(rps - 10, rps, rps + 10));
        Spread raw = Spread.of(List.of(rawTps));
        return new Throughput(null, null, service, service, null, null, raw, null, null).ratio();
    }
}
