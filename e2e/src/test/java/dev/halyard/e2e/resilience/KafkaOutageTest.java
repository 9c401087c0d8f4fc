package dev.halyard.e2e.resilience;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.halyard.e2e.support.OrderStream;
import dev.halyard.testing.KafkaBroker;

/**
 * Scenario 1: the broker stops for 10 s under a steady stream of orders. Orders keep being accepted (the outbox
 * holds their events), and once the broker is back every one settles and the books balance.
 */
class KafkaOutageTest {

    @Test
    void ordersPlacedWhileTheBrokerIsDownAllSettle() throws Exception {
        SagaScenario shop = new SagaScenario(6, 60, 8);
        KafkaBroker kafka = shop.platform.backing().kafka();
        long outageMillis;
        try (OrderStream stream = shop.stream(1, 3).start(10)) {
            SagaScenario.sleep(Duration.ofSeconds(5));
            long down = System.nanoTime();
            kafka.stop();
            try {
                SagaScenario.sleep(Duration.ofSeconds(10));
            } finally {
                kafka.resume();
            }
            outageMillis = (System.nanoTime() - down) / 1_000_000;
            SagaScenario.sleep(Duration.ofSeconds(5));
            stream.stop();
            shop.verify("kafka-outage", stream,
                    "every 201 ends CONFIRMED or REJECTED; stock before - confirmed units = stock after; "
                            + "product answered each event once",
                    Map.of("broker_down_ms", outageMillis));
        }
    }
}
