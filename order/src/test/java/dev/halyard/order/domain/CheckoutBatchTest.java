package dev.halyard.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.OrderLine;

/**
 * Checkouts that arrive together are written by one statement ({@link OrderPlacements}): each order keeps its own
 * lines and event, a key taken earlier in the same batch places nothing, and one order's fault fails that order
 * alone. The checkouts here are sent faster than a statement completes, so all but the first few wait and batch.
 */
@QuarkusTest
class CheckoutBatchTest {

    @Inject
    OrderPlacements placements;

    @Inject
    DataSource database;

    @Inject
    MeterRegistry registry;

    @Test
    void ordersWrittenTogetherKeepTheirOwnLinesAndEvents() throws Exception {
        UUID user = UUID.randomUUID();
        List<Order> orders = orders(40,
                i -> order(user, "batch-" + UUID.randomUUID(), "P" + i + "a", "P" + i + "b", "1.00"));
        List<CompletableFuture<Boolean>> answers = send(orders);
        for (CompletableFuture<Boolean> answer : answers) {
            assertTrue(answer.get(30, TimeUnit.SECONDS), "every order placed");
        }
        assertTrue(batchSizes().max() > 1, "some orders shared a statement");
        try (Connection c = database.getConnection()) {
            for (int i = 0; i < orders.size(); i++) {
                UUID id = orders.get(i).orderId;
                assertEquals(List.of("0 P" + i + "a", "1 P" + i + "b"), strings(c,
                        "select line_no || ' ' || product_id from order_line where order_id = ?::uuid order by 1",
                        id), "order " + i + "'s own lines");
                assertEquals(List.of(id.toString()), strings(c,
                        "select message_key from outbox where strpos(payload, ?) > 0", id), "its one event");
            }
        }
    }

    @Test
    void aKeyTakenEarlierInTheSameBatchPlacesNothing() throws Exception {
        UUID user = UUID.randomUUID();
        String key = "retry-" + UUID.randomUUID();
        List<CompletableFuture<Boolean>> answers = send(orders(12, i -> order(user, key, "A", "B", "2.50")));
        int placed = 0;
        for (CompletableFuture<Boolean> answer : answers) {
            placed += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, placed, "one of the retries placed the order");
        try (Connection c = database.getConnection()) {
            assertEquals(1, strings(c, "select order_id::text from customer_order where user_id = ?::uuid", user)
                    .size());
            assertEquals(2, strings(c, """
                    select line_no::text from order_line l join customer_order o using (order_id)
                    where o.user_id = ?::uuid""", user).size(), "its two lines, once");
            assertEquals(1, strings(c, "select id::text from outbox where strpos(payload, ?) > 0", user).size(),
                    "one ORDER_PLACED event");
        }
    }

    @Test
    void aFaultyOrderFailsAloneAndTheRestOfItsBatchIsPlaced() throws Exception {
        UUID user = UUID.randomUUID();
        double ordersWrittenBefore = batchSizes().totalAmount();
        List<Order> orders = orders(12, i -> {
            // the table refuses a negative total, which the API never sends: a fault only the database finds
            Order order = order(user, "fault-" + i + "-" + UUID.randomUUID(), "A", "B", i == 9 ? "-1.00" : "1.00");
            if (i == 4) {
                order.total = null; // a fault in building the statement's parameters, before any SQL is sent
            }
            return order;
        });
        List<CompletableFuture<Boolean>> answers = send(orders);
        for (int i = 0; i < answers.size(); i++) {
            if (i == 4 || i == 9) {
                CompletableFuture<Boolean> faulty = answers.get(i);
                Exception e = assertThrows(ExecutionException.class, () -> faulty.get(30, TimeUnit.SECONDS),
                        "order " + i + " fails, and does not leave its statement's slot taken");
                assertTrue(i == 4 || e.getCause().getMessage().contains("violates check constraint"), e.toString());
            } else {
                assertTrue(answers.get(i).get(30, TimeUnit.SECONDS), "order " + i + " placed");
            }
        }
        try (Connection c = database.getConnection()) {
            assertEquals(10, strings(c, "select order_id::text from customer_order where user_id = ?::uuid", user)
                    .size(), "all but the faulty two");
            assertEquals(List.of(), strings(c, "select line_no::text from order_line where order_id = ?::uuid",
                    orders.get(9).orderId), "nothing of the faulty ones");
        }
        // the failed batches' orders went again through the statement slots (each counted as a statement of one),
        // rather than all at once beside them
        assertTrue(batchSizes().totalAmount() - ordersWrittenBefore > answers.size(),
                "orders of failed batches written again as statements of their own");
    }

    @Test
    void noStatementInFlightIsRefusedRatherThanLeavingCheckoutsWaiting() {
        assertEquals(2, OrderPlacements.atLeastOne(2, "halyard.order.checkout.max-in-flight"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrderPlacements.atLeastOne(0, "halyard.order.checkout.max-in-flight"));
        assertEquals("halyard.order.checkout.max-in-flight must be at least 1, not 0", e.getMessage());
    }

    private DistributionSummary batchSizes() {
        return registry.get("halyard.checkout.batch.size").summary();
    }

    /** Built before any is sent, so that they are sent faster than a statement completes. */
    private static List<Order> orders(int count, IntFunction<Order> order) {
        return IntStream.range(0, count).mapToObj(order).toList();
    }

    private List<CompletableFuture<Boolean>> send(List<Order> orders) {
        return orders.stream().map(this::send).toList();
    }

    private CompletableFuture<Boolean> send(Order order) {
        OrderEvent event = OrderEvent.placed(order.orderId, order.userId,
                order.items.stream().map(i -> new OrderLine(i.productId, i.productName, i.quantity, i.price))
                        .toList(),
                order.total);
        return placements.insert(order, event).subscribeAsCompletionStage();
    }

    private static Order order(UUID user, String key, String first, String second, String price) {
        Order order = new Order();
        order.orderId = UUID.randomUUID();
        order.userId = user;
        order.idempotencyKey = key;
        order.requestHash = "hash";
        order.status = Order.Status.PENDING;
        order.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        order.updatedAt = order.createdAt;
        for (String product : List.of(first, second)) {
            Order.Item item = new Order.Item();
            item.productId = product;
            item.productName = "Product " + product;
            item.quantity = 1;
            item.price = new BigDecimal(price);
            order.items.add(item);
        }
        order.total = new BigDecimal(price).multiply(BigDecimal.valueOf(2));
        return order;
    }

    private static List<String> strings(Connection c, String sql, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value.toString());
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
