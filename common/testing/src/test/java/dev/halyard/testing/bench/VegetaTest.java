package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class VegetaTest {

    // the shape of vegeta 12.13's `encode --to json` (one object per request), trimmed to what the benchmark reads:
    // at 100/s request n was due at 12:00:00 + n × 10 ms; requests 2 and 3 were sent 30 ms late
    private static final String OPEN_RUN = """
            {"seq":0,"code":201,"timestamp":"2026-11-24T12:00:00.000000000Z","latency":2000000,"error":""}
            {"seq":1,"code":201,"timestamp":"2026-11-24T12:00:00.010000000Z","latency":4000000,"error":""}
            {"seq":2,"code":201,"timestamp":"2026-11-24T12:00:00.050000000Z","latency":1000000,"error":""}
            {"seq":3,"code":503,"timestamp":"2026-11-24T12:00:00.060000000Z","latency":3000000,"error":""}

            {"seq":4,"code":0,"timestamp":"2026-11-24T12:00:00.040000000Z","latency":60000000,"error":"timeout"}
            """;

    @Test
    void anOpenRunCountsEachLatencyFromWhenTheRequestWasDue() throws IOException {
        LoadRun run = Vegeta.figures(lines(OPEN_RUN), 100, 1);
        assertEquals(5, run.requests());
        assertEquals(2, run.failed(), "the 503 and the timeout");
        assertEquals(95, run.dropped(), "100/s for 1 s asked for 100 requests; 5 were sent");
        // due 0, 10, 20, 30, 40 ms; answered 2, 14, 51, 63, 100 ms: 2, 4, 31, 33 and 60 ms from when each was due
        assertEquals(31.0, run.p50Ms(), 1e-9);
        assertEquals(60.0, run.p99Ms(), 1e-9);
        assertEquals(60.0, run.maxMs(), 1e-9);
        assertEquals(30.0, run.rps(), 1e-9, "3 answered with 201 from the first send to the last answer, 100 ms");
    }

    @Test
    void aClosedRunCountsFromWhenEachRequestWasSentAndDropsNothing() throws IOException {
        LoadRun run = Vegeta.figures(lines(OPEN_RUN), 0, 1);
        assertEquals(0, run.dropped());
        assertEquals(3.0, run.p50Ms(), 1e-9, "latencies 1, 2, 3, 4 and 60 ms as vegeta measured them");
        assertEquals(60.0, run.maxMs(), 1e-9);
    }

    @Test
    void aRunWithoutResultsAnsweredNothing() throws IOException {
        LoadRun run = Vegeta.figures(lines(""), 50, 2);
        assertEquals(0, run.requests());
        assertEquals(0, run.rps(), 1e-9);
        assertEquals(100, run.dropped());
    }

    private static BufferedReader lines(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
