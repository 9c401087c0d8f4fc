package dev.halyard.e2e.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.halyard.testing.BackingServices;
import dev.halyard.testing.Domain;
import dev.halyard.testing.PostgresServer;

/**
 * The saga's books, read straight from each service's database: where orders ended, what product reserved for
 * them, and whether stock adds up. The invariants every resilience scenario checks after its disturbance.
 */
public final class Ledger {

    private static final int CONVERGE_SECONDS = 60;

    private final BackingServices backing;
    private final Map<String, Integer> stockBefore;

    /** Opens the books for {@code products}, noting their stock now. */
    public Ledger(BackingServices backing, List<String> products) {
        this.backing = backing;
        this.stockBefore = stock(products);
    }

    /**
     * Waits until none of {@code orders} is PENDING and returns how many ended in each status. Fails if one is
     * still PENDING after {@code timeout}.
     */
    public Map<String, Integer> settle(List<UUID> orders, Duration timeout) {
        return await("no order PENDING").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<String, Integer> statuses = new TreeMap<>();
            query(Domain.ORDER, "select status, count(*) from customer_order where order_id = any(?) group by status",
                    orders, rs -> statuses.put(rs.getString(1), rs.getInt(2)));
            int found = statuses.values().stream().mapToInt(Integer::intValue).sum();
            // a lost order fails at once, not after the timeout
            assertEquals(orders.size(), found, "every acknowledged order is stored: " + statuses);
            return statuses;
        }, statuses -> !statuses.containsKey("PENDING"));
    }

    /**
     * The saga's invariants over every order that touched these products (also any the service committed without
     * the client hearing back):
     * <ul>
     * <li>stock before − units of CONFIRMED orders = stock after, and no stock is negative;
     * <li>a CONFIRMED order has a RESERVED reservation of exactly its lines; a REJECTED one holds nothing: its
     * reservation was REJECTED or CANCELLED (no lines) or, if the order expired after product had reserved,
     * RELEASED (exactly its lines, given back): all or nothing, never partial;
     * <li>product answered each event of an order once (one inventory event of each type per order in its outbox):
     * no event applied twice.
     * </ul>
     * Product's books may trail the order's final status by a moment (an expiry's release is one more event), so
     * the check is repeated for up to {@value #CONVERGE_SECONDS} s before its failure counts.
     */
    public void assertConsistent() {
        await("the saga's books").atMost(Duration.ofSeconds(CONVERGE_SECONDS)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(this::check);
    }

    private void check() {
        List<String> products = List.copyOf(stockBefore.keySet());
        Map<UUID, String> status = new HashMap<>();
        Map<UUID, Map<String, Integer>> ordered = new HashMap<>();
        query(Domain.ORDER, "select o.order_id, o.status, l.product_id, l.quantity from customer_order o "
                + "join order_line l on l.order_id = o.order_id where o.order_id in "
                + "(select order_id from order_line where product_id = any(?))", products, rs -> {
                    UUID id = (UUID) rs.getObject(1);
                    status.put(id, rs.getString(2));
                    ordered.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getString(3), rs.getInt(4));
                });

        Map<String, Integer> confirmedUnits = new TreeMap<>();
        ordered.forEach((id, lines) -> {
            if ("CONFIRMED".equals(status.get(id))) {
                lines.forEach((product, quantity) -> confirmedUnits.merge(product, quantity, Integer::sum));
            }
        });
        Map<String, Integer> after = stock(products);
        for (String product : products) {
            int expected = stockBefore.get(product) - confirmedUnits.getOrDefault(product, 0);
            assertEquals(expected, after.get(product), product + ": stock before " + stockBefore.get(product)
                    + " minus confirmed " + confirmedUnits.getOrDefault(product, 0));
            assertTrue(after.get(product) >= 0, product + " has negative stock");
        }

        List<UUID> orders = List.copyOf(ordered.keySet());
        Map<UUID, String> reservation = new HashMap<>();
        Map<UUID, Map<String, Integer>> reserved = new HashMap<>();
        query(Domain.PRODUCT, "select r.order_id, r.status, l.product_id, l.quantity from stock_reservation r "
                + "left join stock_reservation_line l on l.order_id = r.order_id where r.order_id = any(?)", orders,
                rs -> {
                    UUID id = (UUID) rs.getObject(1);
                    reservation.put(id, rs.getString(2));
                    if (rs.getString(3) != null) {
                        reserved.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getString(3), rs.getInt(4));
                    }
                });
        for (UUID id : orders) {
            switch (status.get(id)) {
                case "CONFIRMED" -> {
                    assertEquals("RESERVED", reservation.get(id), "reservation of confirmed order " + id);
                    assertEquals(ordered.get(id), reserved.get(id), "reserved lines of confirmed order " + id);
                }
                case "REJECTED" -> {
                    String held = reservation.get(id);
                    assertTrue(List.of("REJECTED", "CANCELLED", "RELEASED").contains(held),
                            "reservation of rejected order " + id + ": " + held);
                    assertEquals("RELEASED".equals(held) ? ordered.get(id) : null, reserved.get(id),
                            "lines of rejected order " + id + " (" + held + ")");
                }
                default -> throw new AssertionError("order " + id + " ended " + status.get(id));
            }
        }

        List<String> answeredTwice = new java.util.ArrayList<>();
        query(Domain.PRODUCT, "select message_key from outbox where topic = 'inventory-events' "
                + "and message_key = any(?) group by message_key, payload::jsonb ->> 'type' having count(*) > 1",
                orders.stream().map(UUID::toString).toList(), rs -> answeredTwice.add(rs.getString(1)));
        assertEquals(List.of(), answeredTwice, "orders product answered more than once");
    }

    public Map<String, Integer> stockBefore() {
        return stockBefore;
    }

    private Map<String, Integer> stock(List<String> products) {
        Map<String, Integer> stock = new TreeMap<>();
        query(Domain.PRODUCT, "select product_id, stock from product where product_id = any(?)", products,
                rs -> stock.put(rs.getString(1), rs.getInt(2)));
        assertEquals(products.size(), stock.size(), "products exist: " + products);
        return stock;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(Domain domain, String sql, List<?> ids, Row row) {
        PostgresServer.Database db = backing.database(domain);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement ps = c.prepareStatement(sql)) {
            boolean uuids = !ids.isEmpty() && ids.get(0) instanceof UUID;
            ps.setArray(1, c.createArrayOf(uuids ? "uuid" : "varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
