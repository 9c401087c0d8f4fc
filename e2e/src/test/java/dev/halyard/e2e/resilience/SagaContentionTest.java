package dev.halyard.e2e.resilience;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.halyard.e2e.support.OrderStream;

/**
 * Scenario 8: 64 clients at once, each ordering two or three of four products that have five units left. Far
 * more is asked than there is; stock never goes negative, and each order gets all its lines or none.
 */
class SagaContentionTest {

    @Test
    void sixtyFourClientsForTheLastUnits() throws Exception {
        SagaScenario shop = new SagaScenario(4, 5, 64);
        try (OrderStream stream = shop.stream(2, 3)) {
            stream.burst(64);
            Map<String, Integer> outcomes = shop.verify("saga-contention", stream,
                    "no negative stock; every CONFIRMED order reserved all its lines, every REJECTED one none; "
                            + "stock before - confirmed units = stock after",
                    Map.of("clients", 64, "products", 4, "units_each", 5));
            assertTrue(outcomes.getOrDefault("CONFIRMED", 0) > 0, "some orders got the last units: " + outcomes);
            assertTrue(outcomes.getOrDefault("REJECTED", 0) > 0, "demand exceeded stock: " + outcomes);
        }
    }
}
