package dev.halyard.order.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Outbox;

/**
 * Checkout's write (its rules are {@link OrderService}'s), the hottest path of the platform, with the reactive
 * PostgreSQL client directly: the order, its lines and its ORDER_PLACED event in one transaction of three round
 * trips. Through a Hibernate session the same write cost the service about ten times the CPU of the database work
 * (the benchmark's profile: session, action queue and context propagation), so checkout reached 6 % of what
 * PostgreSQL itself could take. Everything else about orders stays with the {@link OrderRepository}.
 */
@ApplicationScoped
public class OrderPlacements {

    // a concurrent retry with the same key waits for the first transaction, then inserts nothing
    private static final String ORDER = """
            insert into customer_order (order_id, user_id, idempotency_key, request_hash, status, total,
                created_at, updated_at)
            values ($1, $2, $3, $4, 'PENDING', $5, $6, $6)
            on conflict (user_id, idempotency_key) do nothing""";
    private static final String LINE = """
            insert into order_line (order_id, line_no, product_id, product_name, quantity, price)
            values ($1, $2, $3, $4, $5, $6)""";

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
        return pool.withTransaction(connection -> connection.preparedQuery(ORDER)
                .execute(Tuple.of(order.orderId, order.userId, order.idempotencyKey, order.requestHash,
                        Numeric.create(order.total), order.createdAt))
                .flatMap(inserted -> {
                    if (inserted.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    return lines(connection, order)
                            .chain(() -> outbox.add(connection, Topics.ORDER_EVENTS, order.orderId.toString(),
                                    placed))
                            .replaceWith(true);
                }));
    }

    private static Uni<Void> lines(SqlConnection connection, Order order) {
        List<Tuple> rows = new ArrayList<>(order.items.size());
        for (int i = 0; i < order.items.size(); i++) {
            Order.Item item = order.items.get(i);
            rows.add(Tuple.of(order.orderId, i, item.productId, item.productName, item.quantity,
                    Numeric.create(item.price)));
        }
        return connection.preparedQuery(LINE).executeBatch(rows).replaceWithVoid();
    }
}
