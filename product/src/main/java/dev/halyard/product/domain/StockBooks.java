package dev.halyard.product.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.OrderLine;
import dev.halyard.common.persistence.Batches;

/**
 * The rows a batch of order events touches, read and locked up front and written back at the end, each with one
 * statement whatever the batch size, with the SQL client. Applying a batch through Hibernate took one round trip
 * per row read or changed and capped the saga at about 50 orders a second; this takes at most seven per batch
 * (nine with the inbox and the answers), and PostgreSQL executes each insert once per batch, not once per row. The
 * caller decides what changes ({@link StockReservations}); this only moves rows.
 */
@ApplicationScoped
class StockBooks {

    private static final String RESERVATIONS = """
            select order_id, user_id, status, reason from stock_reservation
            where order_id = any($1) order by order_id for update""";
    private static final String LINES = """
            select order_id, product_id, quantity from stock_reservation_line where order_id = any($1)""";
    // every transaction locks products in id order, so overlapping batches and deductions cannot deadlock
    private static final String PRODUCTS = """
            select product_id, price, stock from product where product_id = any($1) order by product_id for update""";
    // the inserts take the batch as one array per column (Batches.executeColumns)
    private static final String INSERT_RESERVATION = """
            insert into stock_reservation (order_id, user_id, status, reason, created_at, updated_at)
            select order_id, user_id, status, reason, created_at, created_at
            from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::timestamptz[])
                as r (order_id, user_id, status, reason, created_at)""";
    private static final String INSERT_LINE = """
            insert into stock_reservation_line (order_id, product_id, quantity)
            select * from unnest($1::uuid[], $2::varchar[], $3::integer[])""";
    private static final String UPDATE_RESERVATION = """
            update stock_reservation set status = $2, updated_at = $3 where order_id = $1""";
    private static final String UPDATE_STOCK = "update product set stock = $2, updated_at = $3 where product_id = $1";

    /** A batch's rows in memory, and which of them changed. */
    static final class Books {

        final Map<UUID, Reservation> reservations = new HashMap<>();
        final Map<String, Product> products = new HashMap<>();
        private final Set<Reservation> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Reservation> updated = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<String, Product> touched = new LinkedHashMap<>();

        void insert(Reservation reservation) {
            reservations.put(reservation.orderId, reservation);
            inserted.add(reservation);
        }

        /** Marks a reservation changed; one inserted by this batch is simply inserted as it ends up. */
        void update(Reservation reservation) {
            if (!inserted.contains(reservation)) {
                updated.add(reservation);
            }
        }

        /** The products whose stock the batch changed. */
        Set<String> touchedIds() {
            return touched.keySet();
        }

        void touch(Product product) {
            touched.put(product.productId, product);
        }
    }

    /**
     * Locks and reads the reservations of the events' orders, the lines of those that may be released, and every
     * product the batch may change.
     */
    Uni<Books> lock(SqlConnection connection, List<OrderEvent> events) {
        Books books = new Books();
        UUID[] orderIds = events.stream().map(OrderEvent::orderId).distinct().sorted().toArray(UUID[]::new);
        return connection.preparedQuery(RESERVATIONS).execute(Tuple.of(orderIds)).flatMap(rows -> {
            for (Row row : rows) {
                Reservation r = new Reservation();
                r.orderId = row.getUUID("order_id");
                r.userId = row.getUUID("user_id");
                r.status = Reservation.Status.valueOf(row.getString("status"));
                r.reason = row.getString("reason");
                books.reservations.put(r.orderId, r);
            }
            UUID[] reserved = books.reservations.values().stream()
                    .filter(r -> r.status == Reservation.Status.RESERVED)
                    .map(r -> r.orderId).toArray(UUID[]::new);
            return reserved.length == 0
                    ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(LINES).execute(Tuple.of((Object) reserved)).invoke(lines -> {
                        for (Row row : lines) {
                            books.reservations.get(row.getUUID("order_id")).lines.add(
                                    new Reservation.Line(row.getString("product_id"), row.getInteger("quantity")));
                        }
                    }).replaceWithVoid();
        }).flatMap(ignored -> {
            Set<String> ids = new TreeSet<>();
            events.stream().filter(e -> e.lines() != null).flatMap(e -> e.lines().stream())
                    .map(OrderLine::productId).filter(Objects::nonNull).forEach(ids::add);
            books.reservations.values().forEach(r -> r.lines.forEach(l -> ids.add(l.productId)));
            if (ids.isEmpty()) {
                return Uni.createFrom().item(books);
            }
            return connection.preparedQuery(PRODUCTS).execute(Tuple.of((Object) ids.toArray(String[]::new)))
                    .map(rows -> {
                        for (Row row : rows) {
                            Product p = new Product();
                            p.productId = row.getString("product_id");
                            p.price = row.getBigDecimal("price");
                            p.stock = row.getInteger("stock");
                            books.products.put(p.productId, p);
                        }
                        return books;
                    });
        });
    }

    /** Writes what changed in {@code books}. */
    Uni<Void> write(SqlConnection connection, Books books) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> reservations = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        for (Reservation r : books.inserted) {
            reservations.add(new Object[]{r.orderId, r.userId, r.status.name(), r.reason, now});
            r.lines.forEach(l -> lines.add(new Object[]{r.orderId, l.productId, l.quantity}));
        }
        List<Tuple> updates = books.updated.stream().map(r -> Tuple.of(r.orderId, r.status.name(), now)).toList();
        List<Tuple> stock = books.touched.values().stream().map(p -> Tuple.of(p.productId, p.stock, now)).toList();
        return Batches.executeColumns(connection, INSERT_RESERVATION, reservations, UUID[]::new, UUID[]::new,
                String[]::new, String[]::new, OffsetDateTime[]::new)
                .chain(() -> Batches.executeColumns(connection, INSERT_LINE, lines, UUID[]::new, String[]::new,
                        Integer[]::new))
                .chain(() -> Batches.execute(connection, UPDATE_RESERVATION, updates))
                .chain(() -> Batches.execute(connection, UPDATE_STOCK, stock));
    }
}
