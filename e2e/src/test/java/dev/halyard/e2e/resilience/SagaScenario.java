package dev.halyard.e2e.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.halyard.e2e.support.Client;
import dev.halyard.e2e.support.Ledger;
import dev.halyard.e2e.support.OrderStream;
import dev.halyard.e2e.support.RunningPlatform;
import dev.halyard.e2e.support.Scoreboard;
import dev.halyard.testing.local.Platform;

/**
 * A scenario's own shop (fresh products and customers, so scenarios sharing the platform cannot disturb each
 * other's books), the order stream that runs through the disturbance, and the check at the end.
 */
final class SagaScenario {

    /** Longer than any disturbance here plus a service's restart: a careful client waits that long. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The platform's pending-order expiry (2 min) plus its check interval: nothing may stay PENDING longer. */
    static final Duration EXPIRY = Duration.ofSeconds(130);

    final Platform platform = RunningPlatform.get();
    final Client client = new Client(platform);
    final List<String> products;
    final List<Client.Customer> customers;
    final Ledger ledger;

    SagaScenario(int productCount, int stock, int customerCount) {
        String admin = client.admin();
        products = IntStream.range(0, productCount).mapToObj(i -> client.newProduct(admin, stock, OrderStream.PRICE))
                .toList();
        customers = client.newCustomers(customerCount);
        ledger = new Ledger(platform.backing(), products);
    }

    OrderStream stream(int minLines, int maxLines) {
        return new OrderStream(client, customers, products, minLines, maxLines, PATIENCE);
    }

    /**
     * After the stream has stopped: every order sent was acknowledged (no order lost, none refused), every
     * acknowledged one settles CONFIRMED or REJECTED before the expiry rule would touch it, and the books balance
     * ({@link Ledger#assertConsistent()}). Records the figures.
     */
    Map<String, Integer> verify(String scenario, OrderStream stream, String invariant, Map<String, Object> details)
            throws InterruptedException {
        List<UUID> accepted = stream.accepted().stream().map(OrderStream.Placed::orderId).toList();
        Map<String, Integer> outcomes = ledger.settle(accepted, EXPIRY);
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("outcomes", outcomes);
        all.put("attempts", stream.attempts());
        all.put("retried_on", stream.retriedOn());
        Scoreboard.record(scenario, stream.sent(), accepted.size(),
                outcomes.getOrDefault("CONFIRMED", 0) + outcomes.getOrDefault("REJECTED", 0), stream.failed(),
                invariant, all);

        assertEquals(List.of(), stream.refused(), "valid orders refused");
        assertEquals(0, stream.failed(), "orders never acknowledged within " + PATIENCE);
        assertEquals(stream.sent(), accepted.size(), "every order sent was acknowledged");
        ledger.assertConsistent();
        return outcomes;
    }

    static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
