package dev.halyard.e2e.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.halyard.e2e.support.OrderStream;
import dev.halyard.e2e.support.Readiness;

/**
 * Scenario 3: PostgreSQL restarts mid-stream (every connection cut, 5 s without a server). Each service's
 * readiness goes DOWN while it cannot reach its database and UP again after; no acknowledged order is lost.
 */
class DatabaseRestartTest {

    @Test
    void aDatabaseRestartLosesNoAcknowledgedOrder() throws Exception {
        SagaScenario shop = new SagaScenario(6, 60, 8);
        List<Readiness> probes = shop.platform.domains().stream().map(d -> Readiness.watch(shop.platform, d))
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        try (OrderStream stream = shop.stream(1, 3).start(10)) {
            SagaScenario.sleep(Duration.ofSeconds(5));
            shop.platform.backing().postgres().restart(Duration.ofSeconds(5));
            for (Readiness probe : probes) {
                probe.awaitUp(Duration.ofSeconds(60));
            }
            SagaScenario.sleep(Duration.ofSeconds(3));
            stream.stop();
            probes.forEach(Readiness::close);
            for (Readiness probe : probes) {
                details.put(probe.domain().id() + "_readiness", probe.transitions());
            }
            shop.verify("database-restart", stream, "readiness UP, DOWN, UP in each service; every 201 stored and "
                    + "settled; stock before - confirmed units = stock after", details);
        } finally {
            probes.forEach(Readiness::close);
        }
        for (Readiness probe : probes) {
            assertEquals(List.of("UP", "DOWN", "UP"), probe.transitions(),
                    probe.domain().id() + " readiness while the database restarted");
        }
    }
}
