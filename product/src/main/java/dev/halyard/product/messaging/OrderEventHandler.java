package dev.halyard.product.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.messaging.EventReader;
import dev.halyard.product.domain.StockReservations;

/**
 * Consumes {@code order-events}. A failure (the database restarting, say) is retried with back-off rather than
 * skipped: the saga must not lose an order. The offset is committed only after the event was applied.
 */
@ApplicationScoped
public class OrderEventHandler {

    private final EventReader reader;
    private final StockReservations reservations;

    OrderEventHandler(EventReader reader, StockReservations reservations) {
        this.reader = reader;
        this.reservations = reservations;
    }

    @Incoming("order-events")
    public Uni<Void> onOrderEvent(String payload) {
        return reader.read(payload, OrderEvent.class)
                .map(reservations::apply)
                .orElseGet(() -> Uni.createFrom().voidItem())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(60);
    }
}
