package dev.halyard.order.domain;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Outbox;

/**
 * Checkout's write (its rules are {@link OrderService}'s), the hottest path of the platform, with the reactive
 * PostgreSQL client directly: the order, its lines and its ORDER_PLACED event in one statement, so in one round trip
 * and its own transaction. Through a Hibernate session the same write cost the service about ten times the CPU of
 * the database work (the benchmark's profile: session, action queue and context propagation), so checkout reached
 * 6 % of what PostgreSQL itself could take. As a transaction of five round trips (begin, order, lines, event,
 * commit) each one waited for a core twice on a busy machine, once in PostgreSQL and once in this service. Everything
 * else about orders stays with the {@link OrderRepository}.
 */
@ApplicationScoped
public class OrderPlacements {

    /**
     * Lines and event are inserted only for an order that was: a concurrent retry with the same key waits for the
     * first transaction, then inserts nothing at all. Foreign keys are checked at the end of the statement, when the
     * order is there. Line numbers start at 0.
     */
    static final String PLACE = """
            with placed as (
                insert into customer_order (order_id, user_id, idempotency_key, request_hash, status, total,
                    created_at, updated_at)
                values ($1, $2, $3, $4, 'PENDING', $5, $6, $6)
                on conflict (user_id, idempotency_key) do nothing
                returning order_id),
            lines as (
                insert into order_line (order_id, line_no, product_id, product_name, quantity, price)
                select placed.order_id, line.n - 1, line.product_id, line.product_name, line.quantity, line.price
                from placed, unnest($7::varchar[], $8::varchar[], $9::integer[], $10::numeric[])
                    with ordinality as line (product_id, product_name, quantity, price, n)),
            event as (
                insert into outbox (%s)
                select $11, $12, $13, $14, $15 from placed)
            select count(*) as placed from placed""".formatted(Outbox.COLUMNS);

    private final Pool pool;
    private final Outbox outbox;

    OrderPlacements(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /**
     * Inserts {@code order} (PENDING, with its items) and {@code placed}, its event; false, with nothing written,
     * when the user's idempotency key is already taken.
     */
    Uni<Boolean> insert(Order order, OrderEvent placed) {
        int n = order.items.size();
        String[] productIds = new String[n];
        String[] productNames = new String[n];
        Integer[] quantities = new Integer[n];
        Numeric[] prices = new Numeric[n];
        for (int i = 0; i < n; i++) {
            Order.Item item = order.items.get(i);
            productIds[i] = item.productId;
            productNames[i] = item.productName;
            quantities[i] = item.quantity;
            prices[i] = Numeric.create(item.price);
        }
        Outbox.Row event = outbox.row(Topics.ORDER_EVENTS, order.orderId.toString(), placed);
        Tuple values = Tuple.from(Arrays.asList(order.orderId, order.userId, order.idempotencyKey, order.requestHash,
                Numeric.create(order.total), order.createdAt, productIds, productNames, quantities, prices));
        // a tuple takes nulls (the event's trace parent may be one), where List.of would refuse them
        event.values().forEach(values::addValue);
        return pool.preparedQuery(PLACE).execute(values)
                .map(rows -> rows.iterator().next().getLong("placed") == 1);
    }
}
