package dev.halyard.product.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.messaging.EventReader;
import dev.halyard.product.domain.StockReservations;

/** Consumes {@code order-events}, a poll at a time, under the shared consumer policy of {@link EventReader}. */
@ApplicationScoped
public class OrderEventHandler {

    private final EventReader reader;
    private final StockReservations reservations;

    OrderEventHandler(EventReader reader, StockReservations reservations) {
        this.reader = reader;
        this.reservations = reservations;
    }

    @Incoming("order-events")
    public Uni<Void> onOrderEvents(ConsumerRecords<String, String> records) {
        return reader.applyAll(records, OrderEvent.class, reservations::apply);
    }
}
