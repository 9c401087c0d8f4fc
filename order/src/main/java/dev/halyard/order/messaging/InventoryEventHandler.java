package dev.halyard.order.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.messaging.EventReader;
import dev.halyard.order.domain.OrderSaga;

/** Consumes {@code inventory-events}: product's answers. Failures are retried, never skipped. */
@ApplicationScoped
public class InventoryEventHandler {

    private final EventReader reader;
    private final OrderSaga saga;

    InventoryEventHandler(EventReader reader, OrderSaga saga) {
        this.reader = reader;
        this.saga = saga;
    }

    @Incoming("inventory-events")
    public Uni<Void> onInventoryEvent(String payload) {
        return reader.read(payload, InventoryEvent.class)
                .map(saga::apply)
                .orElseGet(() -> Uni.createFrom().voidItem())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(60);
    }
}
