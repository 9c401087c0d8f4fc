package dev.halyard.order.domain;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Inbox;
import dev.halyard.common.messaging.Outbox;

/**
 * Order's part of the saga: product's answers settle PENDING orders, and orders nobody answered expire. Only a
 * PENDING order moves, so a late or repeated answer cannot undo a cancellation or an expiry.
 */
@ApplicationScoped
public class OrderSaga {

    private static final Logger LOG = Logger.getLogger(OrderSaga.class);

    private final OrderRepository orders;
    private final Inbox inbox;
    private final Outbox outbox;
    private final OrderConfig config;

    OrderSaga(OrderRepository orders, Inbox inbox, Outbox outbox, OrderConfig config) {
        this.orders = orders;
        this.inbox = inbox;
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<Void> apply(InventoryEvent event) {
        return Panache.withTransaction(() -> inbox.firstDelivery(event.eventId()).flatMap(first -> {
            if (!first || event.type() == InventoryEvent.Type.STOCK_RELEASED) {
                return Uni.createFrom().voidItem();
            }
            return orders.lock(event.orderId()).invoke(order -> {
                if (order == null || order.status != Order.Status.PENDING) {
                    return;
                }
                OffsetDateTime now = OrderService.now();
                if (event.type() == InventoryEvent.Type.STOCK_RESERVED) {
                    order.status = Order.Status.CONFIRMED;
                    order.confirmedAt = now;
                } else {
                    order.status = Order.Status.REJECTED;
                    order.reason = event.reason();
                }
                order.updatedAt = now;
            }).replaceWithVoid();
        }));
    }

    /**
     * Rejects orders PENDING for longer than the configured timeout and tells product to release whatever it may
     * have reserved for them meanwhile.
     *
     * @return how many orders expired
     */
    public Uni<Integer> expireStuckOrders() {
        OffsetDateTime cutoff = OrderService.now().minus(config.pendingTimeout());
        return Panache.withTransaction(() -> orders.lockStuck(cutoff).flatMap(stuck -> Multi.createFrom()
                .iterable(stuck)
                .onItem().transformToUniAndConcatenate(order -> {
                    order.status = Order.Status.REJECTED;
                    order.reason = "No stock answer within " + config.pendingTimeout() + "; the order expired.";
                    order.updatedAt = OrderService.now();
                    return outbox.add(Topics.ORDER_EVENTS, order.orderId.toString(),
                            OrderEvent.cancelled(order.orderId, order.userId, order.reason));
                })
                .collect().asList()
                .map(done -> stuck.size())))
                .invoke(n -> {
                    if (n > 0) {
                        outbox.wake();
                        LOG.warnf("Expired %d orders that stayed PENDING longer than %s", n, config.pendingTimeout());
                    }
                });
    }
}
