package dev.halyard.e2e.resilience;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.halyard.e2e.support.OrderStream;
import dev.halyard.testing.Domain;

/**
 * Scenario 2: {@code kill -9} of product, then order, then user, each mid-stream and each restarted at once. The
 * client retries what it could not get answered; every order ends settled, none waits for the expiry rule, and
 * the books balance.
 */
class CrashTest {

    @Test
    void killingEachServiceMidStreamLosesNothing() throws Exception {
        SagaScenario shop = new SagaScenario(6, 60, 8);
        Map<String, Object> downMillis = new LinkedHashMap<>();
        try (OrderStream stream = shop.stream(1, 3).start(10)) {
            for (Domain domain : new Domain[]{Domain.PRODUCT, Domain.ORDER, Domain.USER}) {
                SagaScenario.sleep(Duration.ofSeconds(3));
                long killed = System.nanoTime();
                shop.platform.kill(domain);
                shop.platform.start(domain);
                downMillis.put(domain.id() + "_down_ms", (System.nanoTime() - killed) / 1_000_000);
            }
            SagaScenario.sleep(Duration.ofSeconds(3));
            stream.stop();
            shop.verify("crash", stream, "every 201 ends CONFIRMED or REJECTED before the 2 min expiry; stock before "
                    + "- confirmed units = stock after; product answered each event once", downMillis);
        }
    }
}
