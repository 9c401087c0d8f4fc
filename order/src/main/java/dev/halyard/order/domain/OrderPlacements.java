package dev.halyard.order.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Outbox;
import dev.halyard.common.persistence.Batches;

/**
 * Checkout's write (its rules are {@link OrderService}'s), the hottest path of the platform, with the reactive
 * PostgreSQL client directly: orders, their lines and their ORDER_PLACED events in one statement, so in one round
 * trip and one transaction. Through a Hibernate session the same write cost the service about ten times the CPU of
 * the database work; as a transaction of five round trips each one waited for a core twice on a busy machine.
 * <p>
 * Checkouts that arrive while {@link OrderConfig.Checkout#maxInFlight()} statements are already running wait for
 * one of them and then go together, as one statement (group commit): PostgreSQL parses, plans, executes and commits
 * once for the batch, so its CPU per order falls with the batch's size, and with a synchronous commit (RDS) one WAL
 * flush serves the whole batch. A checkout that finds a statement slot free goes at once, alone: batching never
 * makes a checkout wait for a timer. Everything else about orders stays with the {@link OrderRepository}.
 */
@Startup // so that a wrong setting stops the start rather than the first checkout
@ApplicationScoped
public class OrderPlacements {

    /**
     * Each array holds one value per order ($1–$6), per line ($7–$12) or per event ($13–$18). Lines and events are
     * inserted only for the orders that were: a retry whose idempotency key is taken (by an earlier statement, a
     * concurrent one it waited for, or an earlier order of the same batch) inserts nothing at all. Foreign keys
     * are checked at the end of the statement, when the orders are there. Events keep the batch's order (the
     * relay's). Line numbers start at 0.
     */
    static final String PLACE = """
            with input as (
                select * from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::numeric[],
                    $6::timestamptz[]) as o (order_id, user_id, idempotency_key, request_hash, total, created_at)),
            placed as (
                insert into customer_order (order_id, user_id, idempotency_key, request_hash, status, total,
                    created_at, updated_at)
                select order_id, user_id, idempotency_key, request_hash, 'PENDING', total, created_at, created_at
                from input
                on conflict (user_id, idempotency_key) do nothing
                returning order_id),
            lines as (
                insert into order_line (order_id, line_no, product_id, product_name, quantity, price)
                select line.order_id, line.line_no, line.product_id, line.product_name, line.quantity, line.price
                from unnest($7::uuid[], $8::integer[], $9::varchar[], $10::varchar[], $11::integer[],
                    $12::numeric[]) as line (order_id, line_no, product_id, product_name, quantity, price)
                join placed using (order_id)),
            events as (
                insert into outbox (%s)
                select e.topic, e.message_key, e.payload, e.trace_parent, e.created_at
                from unnest($13::uuid[], $14::varchar[], $15::varchar[], $16::text[], $17::varchar[],
                    $18::timestamptz[]) with ordinality
                    as e (order_id, topic, message_key, payload, trace_parent, created_at, n)
                join placed using (order_id)
                order by e.n)
            select order_id from placed""".formatted(Outbox.COLUMNS);

    private final Pool pool;
    private final Outbox outbox;
    private final int maxInFlight;
    private final int maxBatch;
    private final Queue<Placement> waiting = new ConcurrentLinkedQueue<>();
    private final Queue<Placement> retries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final DistributionSummary batchSizes;

    OrderPlacements(Pool pool, Outbox outbox, OrderConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.outbox = outbox;
        this.maxInFlight = atLeastOne(config.checkout().maxInFlight(), "halyard.order.checkout.max-in-flight");
        this.maxBatch = atLeastOne(config.checkout().maxBatch(), "halyard.order.checkout.max-batch");
        this.batchSizes = DistributionSummary.builder("halyard.checkout.batch.size")
                .description("Orders written by one checkout statement").register(registry);
    }

    /**
     * Checked here rather than with a constraint on {@link OrderConfig}: validating config mappings starts Hibernate
     * Validator's bootstrap in {@code main}, which made the order service's start 0.4 s longer and its RSS at ready
     * 50 MiB larger (by hand, two quick benches). With no statement allowed, checkouts would wait forever.
     */
    static int atLeastOne(int value, String property) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, not " + value);
        }
        return value;
    }

    /**
     * Inserts {@code order} (PENDING, with its items) and {@code placed}, its event; false, with nothing written,
     * when the user's idempotency key is already taken. The answer comes on the caller's Vert.x context, as the
     * SQL client's own answers do, whichever connection's thread the batch's statement finished on.
     */
    Uni<Boolean> insert(Order order, OrderEvent placed) {
        Outbox.Row event = outbox.row(Topics.ORDER_EVENTS, order.orderId.toString(), placed);
        Context caller = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Placement(order, event, emitter, caller));
            drain();
        });
    }

    /**
     * Starts a statement while a slot is free and checkouts wait: an order of a failed batch first, alone, else up
     * to {@code maxBatch} of the waiting checkouts. Every completion calls it again.
     */
    private void drain() {
        while (!retries.isEmpty() || !waiting.isEmpty()) {
            int running = inFlight.get();
            if (running >= maxInFlight) {
                return; // a running statement's completion drains the rest
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Placement> batch = next();
            if (batch.isEmpty()) {
                inFlight.decrementAndGet(); // another thread took them; look again
                continue;
            }
            batchSizes.record(batch.size());
            write(batch).subscribe().with(placedIds -> {
                finish();
                batch.forEach(p -> p.answer(placedIds.contains(p.order.orderId)));
            }, failure -> {
                if (batch.size() == 1) {
                    finish();
                    batch.get(0).fail(failure);
                } else {
                    // before the slot is given back, so that the retries go ahead of checkouts that came later
                    retries.addAll(batch);
                    finish();
                }
            });
        }
    }

    /**
     * The next statement's checkouts. A failed batch's orders are written again one per statement, so that one
     * order's fault (or a deadlock between two batches' retries of the same keys) fails that order alone and no
     * other is lost; they take the same slots as every statement, so a failed batch of 64 never sends 64 statements
     * at once to the pool the saga and the relay share.
     */
    private List<Placement> next() {
        Placement retry = retries.poll();
        if (retry != null) {
            return List.of(retry);
        }
        List<Placement> batch = new ArrayList<>();
        Placement next;
        while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void finish() {
        inFlight.decrementAndGet();
        drain();
    }

    /**
     * One statement for {@code batch}; the ids of the orders it inserted. Deferred, so that a fault in building its
     * parameters fails the batch like a fault of the statement, rather than leaving its slot taken for ever.
     */
    private Uni<Set<UUID>> write(List<Placement> batch) {
        return Uni.createFrom().deferred(() -> pool.preparedQuery(PLACE).execute(values(batch)))
                .map(OrderPlacements::ids);
    }

    private static Set<UUID> ids(RowSet<Row> rows) {
        Set<UUID> ids = new HashSet<>();
        for (Row row : rows) {
            ids.add(row.getUUID("order_id"));
        }
        return ids;
    }

    /** The statement's parameters: one array per column of the orders, of their lines and of their events. */
    static Tuple values(List<Placement> batch) {
        List<Object[]> orders = new ArrayList<>(batch.size());
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> events = new ArrayList<>(batch.size());
        for (Placement p : batch) {
            Order order = p.order;
            orders.add(new Object[]{order.orderId, order.userId, order.idempotencyKey, order.requestHash,
                    Numeric.create(order.total), order.createdAt});
            for (int i = 0; i < order.items.size(); i++) {
                Order.Item item = order.items.get(i);
                lines.add(new Object[]{order.orderId, i, item.productId, item.productName, item.quantity,
                        Numeric.create(item.price)});
            }
            List<Object> event = new ArrayList<>(p.event.values());
            event.add(0, order.orderId);
            events.add(event.toArray());
        }
        Tuple values = Tuple.tuple();
        Batches.appendColumns(values, orders, UUID[]::new, UUID[]::new, String[]::new, String[]::new,
                Numeric[]::new, OffsetDateTime[]::new);
        Batches.appendColumns(values, lines, UUID[]::new, Integer[]::new, String[]::new, String[]::new,
                Integer[]::new, Numeric[]::new);
        return Batches.appendColumns(values, events, UUID[]::new, String[]::new, String[]::new, String[]::new,
                String[]::new, OffsetDateTime[]::new);
    }

    /** A checkout waiting for its statement, and where to answer it. */
    private record Placement(Order order, Outbox.Row event, UniEmitter<? super Boolean> emitter, Context caller) {

        void answer(boolean inserted) {
            onCaller(() -> emitter.complete(inserted));
        }

        void fail(Throwable failure) {
            onCaller(() -> emitter.fail(failure));
        }

        private void onCaller(Runnable action) {
            if (caller == null || caller == Vertx.currentContext()) {
                action.run();
            } else {
                caller.runOnContext(ignored -> action.run());
            }
        }
    }
}
