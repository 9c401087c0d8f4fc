package dev.halyard.order;

import static dev.halyard.order.Checkout.item;
import static dev.halyard.order.Checkout.key;
import static dev.halyard.order.Checkout.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What checkout's one statement ({@code OrderPlacements.PLACE}) leaves in the database when retries race: the lines
 * and the event of the order that won, and nothing of the others. A {@link QuarkusTest} only: it reads the tables
 * through the service's own datasource, which an integration test cannot inject.
 */
@QuarkusTest
class CheckoutStatementTest {

    @Inject
    DataSource database;

    @Test
    void racingRetriesLeaveOneOrderItsLinesAndOneEvent() throws Exception {
        UUID user = UUID.randomUUID();
        Set<String> ids = Checkout.race(user, 20, order(key(), item("A", 1, "9.99"), item("B", 2, "1.00")));
        assertEquals(1, ids.size(), "one order for all retries");
        try (Connection c = database.getConnection()) {
            assertEquals(1, Rows.count(c, "select count(*) from customer_order where user_id = ?::uuid", user));
            assertEquals(2, Rows.count(c, "select count(*) from order_line where order_id = ?::uuid",
                    ids.iterator().next()), "its two lines, once");
            // a retry that lost the race made an order id of its own: count events by user, not by order
            assertEquals(1, Rows.count(c, "select count(*) from outbox where strpos(payload, ?) > 0", user),
                    "one ORDER_PLACED event");
        }
    }
}
