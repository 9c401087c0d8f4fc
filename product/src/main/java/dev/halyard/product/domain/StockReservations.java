package dev.halyard.product.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.OrderLine;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.EventReader.Delivery;
import dev.halyard.common.messaging.Inbox;
import dev.halyard.common.messaging.Outbox;

/**
 * Product's part of the order saga. An order's stock is reserved for all lines at once or not at all. A batch of
 * events is one transaction that also records the events as applied and writes the answers to the outbox: a
 * redelivered event changes nothing, and an answer is never lost or sent for a change that did not happen. The
 * events are applied one after the other, in memory, to the rows {@link StockBooks} locked for the batch.
 */
@ApplicationScoped
public class StockReservations {

    private final Pool pool;
    private final StockBooks books;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ProductReads reads;

    StockReservations(Pool pool, StockBooks books, Inbox inbox, Outbox outbox, ProductReads reads) {
        this.pool = pool;
        this.books = books;
        this.inbox = inbox;
        this.outbox = outbox;
        this.reads = reads;
    }

    /** Applies a batch of events in order, in one transaction; then this replica's reads see the new stock. */
    public Uni<Void> apply(List<Delivery<OrderEvent>> deliveries) {
        Set<String> changed = new HashSet<>();
        return reads.changing(changed, pool
                .withTransaction(connection -> inbox.firstDeliveries(connection, deliveries, d -> d.event().eventId())
                        .flatMap(first -> first.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : books.lock(connection, Delivery.events(first)).flatMap(ledger -> {
                                    List<Outbox.Entry> answers = new ArrayList<>();
                                    for (Delivery<OrderEvent> delivery : first) {
                                        Answers to = new Answers(delivery.event(), delivery.traceParent(), answers);
                                        switch (delivery.event().type()) {
                                            case ORDER_PLACED -> reserve(ledger, delivery.event(), to);
                                            case ORDER_CANCELLED -> release(ledger, delivery.event(), to);
                                        }
                                    }
                                    changed.addAll(ledger.touchedIds());
                                    return books.write(connection, ledger)
                                            .chain(() -> outbox.addAll(connection, answers));
                                }))))
                .invoke(outbox::wake);
    }

    /** Where an event's answer goes: to the batch's outbox rows, in the trace of the event it answers. */
    private record Answers(OrderEvent event, String traceParent, List<Outbox.Entry> entries) {

        void add(InventoryEvent.Type type, String reason) {
            entries.add(new Outbox.Entry(Topics.INVENTORY_EVENTS, event.orderId().toString(),
                    InventoryEvent.of(type, event.orderId(), event.userId(), reason), traceParent));
        }
    }

    private static void reserve(StockBooks.Books ledger, OrderEvent event, Answers answers) {
        if (ledger.reservations.containsKey(event.orderId())) {
            // cancelled before it was placed here (or placed twice under two event ids): never reserve again
            answers.add(InventoryEvent.Type.STOCK_REJECTED, "The order was cancelled.");
            return;
        }
        Map<String, Integer> wanted = wanted(event);
        String problem = problem(event, wanted, ledger.products);
        Reservation reservation = newReservation(event, problem == null
                ? Reservation.Status.RESERVED
                : Reservation.Status.REJECTED, problem);
        if (problem == null) {
            wanted.forEach((id, quantity) -> {
                Product product = ledger.products.get(id);
                product.stock -= quantity;
                ledger.touch(product);
                reservation.lines.add(new Reservation.Line(id, quantity));
            });
        }
        ledger.insert(reservation);
        answers.add(problem == null ? InventoryEvent.Type.STOCK_RESERVED : InventoryEvent.Type.STOCK_REJECTED,
                problem);
    }

    /** Why the order cannot be reserved, or null when every line can be. */
    static String problem(OrderEvent event, Map<String, Integer> wanted, Map<String, Product> byId) {
        if (event.lines() == null || event.lines().isEmpty()) {
            return "The order has no lines.";
        }
        for (OrderLine line : event.lines()) {
            Product product = byId.get(line.productId());
            if (product == null) {
                return "Product " + line.productId() + " does not exist.";
            }
            if (line.quantity() < 1) {
                return "The quantity of product " + line.productId() + " must be at least 1.";
            }
            if (line.price() == null || product.price.compareTo(line.price()) != 0) {
                return "The price of product " + line.productId() + " is " + product.price + ", not "
                        + line.price() + ".";
            }
        }
        for (Map.Entry<String, Integer> units : wanted.entrySet()) {
            int stock = byId.get(units.getKey()).stock;
            if (stock < units.getValue()) {
                return "Not enough stock for product " + units.getKey() + ": " + stock + " left, "
                        + units.getValue() + " ordered.";
            }
        }
        return null;
    }

    /**
     * Units wanted per product: a product may sit on several lines (added to the cart twice), and what it needs
     * is their sum. Insertion-ordered, so the reservation lists products as the order first named them.
     */
    private static Map<String, Integer> wanted(OrderEvent event) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (OrderLine line : event.lines() == null ? List.<OrderLine>of() : event.lines()) {
            wanted.merge(line.productId(), line.quantity(), Integer::sum);
        }
        return wanted;
    }

    /** Gives a reserved order's units back, exactly once; remembers a cancellation that came first. */
    private static void release(StockBooks.Books ledger, OrderEvent event, Answers answers) {
        Reservation reservation = ledger.reservations.get(event.orderId());
        if (reservation == null) {
            ledger.insert(newReservation(event, Reservation.Status.CANCELLED, event.reason()));
            return;
        }
        if (reservation.status != Reservation.Status.RESERVED) {
            return;
        }
        for (Reservation.Line line : reservation.lines) {
            Product product = ledger.products.get(line.productId);
            if (product != null) {
                product.stock += line.quantity;
                ledger.touch(product);
            }
        }
        reservation.status = Reservation.Status.RELEASED;
        ledger.update(reservation);
        answers.add(InventoryEvent.Type.STOCK_RELEASED, event.reason());
    }

    private static Reservation newReservation(OrderEvent event, Reservation.Status status, String reason) {
        Reservation reservation = new Reservation();
        reservation.orderId = event.orderId();
        reservation.userId = event.userId();
        reservation.status = status;
        reservation.reason = reason;
        return reservation;
    }
}
