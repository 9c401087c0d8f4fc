package dev.halyard.product.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.OrderLine;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Inbox;
import dev.halyard.common.messaging.Outbox;

/**
 * Product's part of the order saga. An order's stock is reserved for all lines at once or not at all, in one
 * transaction that also records the event as applied and writes the answer to the outbox: a redelivered event
 * changes nothing, and an answer is never lost or sent for a change that did not happen.
 */
@ApplicationScoped
public class StockReservations {

    private final ProductRepository products;
    private final ReservationRepository reservations;
    private final Inbox inbox;
    private final Outbox outbox;

    StockReservations(ProductRepository products, ReservationRepository reservations, Inbox inbox, Outbox outbox) {
        this.products = products;
        this.reservations = reservations;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    public Uni<Void> apply(OrderEvent event) {
        return Panache.withTransaction(() -> inbox.firstDelivery(event.eventId()).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return switch (event.type()) {
                case ORDER_PLACED -> reserve(event);
                case ORDER_CANCELLED -> release(event);
            };
        })).invoke(outbox::wake);
    }

    private Uni<Void> reserve(OrderEvent event) {
        return reservations.lockForOrder(event.orderId()).flatMap(existing -> {
            if (existing != null) {
                // cancelled before it was placed here (or placed twice under two event ids): never reserve again
                return answer(event, InventoryEvent.Type.STOCK_REJECTED, "The order was cancelled.");
            }
            Map<String, Integer> wanted = wanted(event);
            List<String> ids = wanted.keySet().stream().sorted().toList();
            return products.lockAll(ids).flatMap(found -> {
                Map<String, Product> byId = found.stream()
                        .collect(Collectors.toMap(p -> p.productId, Function.identity()));
                String problem = problem(event, wanted, byId);
                Reservation reservation = newReservation(event, problem == null
                        ? Reservation.Status.RESERVED
                        : Reservation.Status.REJECTED, problem);
                if (problem == null) {
                    OffsetDateTime now = now();
                    wanted.forEach((id, quantity) -> {
                        Product product = byId.get(id);
                        product.stock -= quantity;
                        product.updatedAt = now;
                        reservation.lines.add(new Reservation.Line(id, quantity));
                    });
                }
                return reservations.persist(reservation).chain(() -> answer(event,
                        problem == null ? InventoryEvent.Type.STOCK_RESERVED : InventoryEvent.Type.STOCK_REJECTED,
                        problem));
            });
        });
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
    private Uni<Void> release(OrderEvent event) {
        return reservations.lockForOrder(event.orderId()).flatMap(reservation -> {
            if (reservation == null) {
                return reservations.persist(newReservation(event, Reservation.Status.CANCELLED, event.reason()))
                        .replaceWithVoid();
            }
            if (reservation.status != Reservation.Status.RESERVED) {
                return Uni.createFrom().voidItem();
            }
            List<String> ids = reservation.lines.stream().map(l -> l.productId).sorted().toList();
            return products.lockAll(ids).flatMap(found -> {
                Map<String, Product> byId = found.stream()
                        .collect(Collectors.toMap(p -> p.productId, Function.identity()));
                OffsetDateTime now = now();
                for (Reservation.Line line : reservation.lines) {
                    Product product = byId.get(line.productId);
                    if (product != null) {
                        product.stock += line.quantity;
                        product.updatedAt = now;
                    }
                }
                reservation.status = Reservation.Status.RELEASED;
                reservation.updatedAt = now;
                return answer(event, InventoryEvent.Type.STOCK_RELEASED, event.reason());
            });
        });
    }

    private Uni<Void> answer(OrderEvent event, InventoryEvent.Type type, String reason) {
        return outbox.add(Topics.INVENTORY_EVENTS, event.orderId().toString(),
                InventoryEvent.of(type, event.orderId(), event.userId(), reason));
    }

    private static Reservation newReservation(OrderEvent event, Reservation.Status status, String reason) {
        Reservation reservation = new Reservation();
        reservation.orderId = event.orderId();
        reservation.userId = event.userId();
        reservation.status = status;
        reservation.reason = reason;
        reservation.createdAt = now();
        reservation.updatedAt = reservation.createdAt;
        return reservation;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
