package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class OhaTest {

    // the shape of oha 1.14's --output-format json, trimmed to what the benchmark reads
    private static final String OPEN_RUN = """
            {"summary": {"successRate": 0.99, "total": 10.0, "requestsPerSec": 90.0, "slowest": 0.25},
             "latencyPercentiles": {"p50": 0.002, "p95": 0.0105, "p99": 0.04},
             "statusCodeDistribution": {"200": 895, "503": 3},
             "errorDistribution": {"connection closed before message completed": 2}}
            """;

    @Test
    void secondsBecomeMillisecondsAndOnly200sCountAsAnsweredOrInTheRate() throws Exception {
        LoadRun run = Oha.figures(json(OPEN_RUN), 100, 10);
        assertEquals(900, run.requests(), "answers and errors");
        assertEquals(5, run.failed(), "the 503s and the transport errors");
        assertEquals(100, run.dropped(), "100/s for 10 s asked for 1,000 requests; 900 were sent");
        assertEquals(89.5, run.rps(), 1e-9, "the 895 answered in 10 s, not oha's rate of every attempt");
        assertEquals(2.0, run.p50Ms(), 1e-9);
        assertEquals(10.5, run.p95Ms(), 1e-9);
        assertEquals(40.0, run.p99Ms(), 1e-9);
        assertEquals(250.0, run.maxMs(), 1e-9);
    }

    @Test
    void aClosedRunDropsNothing() throws Exception {
        assertEquals(0, Oha.figures(json(OPEN_RUN), 0, 10).dropped());
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }
}
