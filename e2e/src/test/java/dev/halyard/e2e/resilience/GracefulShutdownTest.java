package dev.halyard.e2e.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.halyard.e2e.support.OrderStream;
import dev.halyard.e2e.support.Readiness;
import dev.halyard.testing.Domain;
import dev.halyard.testing.local.ServiceProcess;

/**
 * Scenario 4: SIGTERM to the order service under a stream of orders, as Kubernetes ends a pod. Readiness turns
 * DOWN first while the service keeps serving (its pre-shutdown delay), the stand-in load balancer stops routing
 * after three failed probes, requests in flight complete, and not one request fails.
 */
class GracefulShutdownTest {

    /** Three failed probes 100 ms apart, as a kubelet with failureThreshold 3 would need. */
    private static final Duration BALANCER_GRACE = Duration.ofMillis(300);

    @Test
    void sigtermUnderLoadFailsNoRequest() throws Exception {
        SagaScenario shop = new SagaScenario(4, 1_000_000, 8);
        Map<String, Object> details = new LinkedHashMap<>();
        try (Readiness probe = Readiness.watch(shop.platform, Domain.ORDER);
                OrderStream stream = shop.stream(1, 3).routedWhile(() -> probe.routable(BALANCER_GRACE)).start(40)) {
            SagaScenario.sleep(Duration.ofSeconds(3));
            long terminatedAt = System.nanoTime();
            int exitCode;
            ServiceProcess order = shop.platform.terminate(Domain.ORDER);
            try {
                exitCode = order.awaitStopped();
                details.put("stopped_after_ms", (System.nanoTime() - terminatedAt) / 1_000_000);
            } finally {
                // a new pod: the balancer routes to it once it is ready
                shop.platform.start(Domain.ORDER);
            }
            stream.stop();
            probe.close(); // what it saw of the stopping instance, not of the new one
            long servedAfterSigterm = stream.accepted().stream().filter(p -> p.sentAt() > terminatedAt).count();
            details.put("exit_code", exitCode);
            details.put("accepted_after_sigterm", servedAfterSigterm);
            details.put("readiness", probe.transitions());
            shop.verify("graceful-shutdown", stream, "readiness DOWN before the port closes; 0 failed requests; "
                    + "every 201 settled", details);

            // a request in flight at the signal that had failed would have been retried
            assertEquals(stream.sent(), stream.attempts(), "no request needed a retry: " + stream.retriedOn());
            // DOWN while still answering, before the port closes (GONE); the probe's kept-alive connection may be
            // closed at the signal, which it sees as GONE for a moment before it reconnects
            List<String> seen = probe.transitions();
            assertTrue(seen.indexOf("DOWN") > 0 && seen.indexOf("DOWN") < seen.lastIndexOf("GONE"),
                    "readiness turned DOWN while the service still answered: " + seen);
            assertNotEquals(137, exitCode, "stopped gracefully, not killed");
            assertTrue(exitCode == 0 || exitCode == 143, "exit code " + exitCode);
        }
    }
}
