package dev.halyard.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.messaging.EventReader;
import dev.halyard.common.messaging.EventReader.Delivery;
import dev.halyard.order.domain.OrderSaga;

/**
 * Consumes {@code inventory-events}, product's answers, a poll at a time, under the consumer policy of
 * {@link EventReader}.
 */
@ApplicationScoped
public class InventoryEventHandler {

    private final EventReader reader;
    private final OrderSaga saga;

    InventoryEventHandler(EventReader reader, OrderSaga saga) {
        this.reader = reader;
        this.saga = saga;
    }

    @Incoming("inventory-events")
    public Uni<Void> onInventoryEvents(ConsumerRecords<String, String> records) {
        return reader.applyAll(records, InventoryEvent.class, deliveries -> saga.apply(Delivery.events(deliveries)));
    }
}
