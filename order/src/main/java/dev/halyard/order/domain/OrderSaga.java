package dev.halyard.order.domain;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Inbox;
import dev.halyard.common.messaging.Outbox;
import dev.halyard.common.persistence.Batches;

/**
 * Order's part of the saga: product's answers settle PENDING orders, and orders nobody answered expire. Only a
 * PENDING order moves, so a late or repeated answer cannot undo a cancellation or an expiry.
 */
@ApplicationScoped
public class OrderSaga {

    /**
     * Only a PENDING order moves: a late or repeated answer cannot undo a cancellation or an expiry. The order is
     * found by its key alone; the status is compared with a sub-select because with {@code status = 'PENDING'} the
     * planner may choose the partial index of PENDING orders (kept for the expiry), which it believes almost empty
     * after an ANALYZE at a quiet moment, and scan every pending order and dead entry of it for each answer. Under
     * load the saga then fell behind and drained a backlog of 28,000 orders at about 100 a second.
     */
    static final String SETTLE = """
            update customer_order set status = $2, reason = coalesce($3, reason),
                confirmed_at = coalesce($4, confirmed_at), updated_at = $5
            where order_id = $1 and status = (select 'PENDING')""";

    private static final Logger LOG = Logger.getLogger(OrderSaga.class);

    private final OrderRepository orders;
    private final Pool pool;
    private final Inbox inbox;
    private final Outbox outbox;
    private final OrderConfig config;

    OrderSaga(OrderRepository orders, Pool pool, Inbox inbox, Outbox outbox, OrderConfig config) {
        this.orders = orders;
        this.pool = pool;
        this.inbox = inbox;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Applies a batch of product's answers in order, in one transaction: the inbox and then one conditional
     * UPDATE per answer, all sent at once with the SQL client.
     */
    public Uni<Void> apply(List<InventoryEvent> events) {
        return pool.withTransaction(connection -> inbox.firstDeliveries(connection, events, InventoryEvent::eventId)
                .flatMap(first -> {
                    OffsetDateTime now = OrderService.now();
                    List<Tuple> rows = first.stream()
                            .filter(e -> e.type() != InventoryEvent.Type.STOCK_RELEASED)
                            .map(e -> e.type() == InventoryEvent.Type.STOCK_RESERVED
                                    ? Tuple.of(e.orderId(), Order.Status.CONFIRMED.name(), null, now, now)
                                    : Tuple.of(e.orderId(), Order.Status.REJECTED.name(), e.reason(), null, now))
                            .toList();
                    return Batches.execute(connection, SETTLE, rows);
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
