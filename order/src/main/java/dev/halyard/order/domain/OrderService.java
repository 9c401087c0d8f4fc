package dev.halyard.order.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.error.ProblemException;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.OrderLine;
import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Outbox;

/**
 * Checkout and the order's life. Placing writes the order and its {@code ORDER_PLACED} event in one transaction
 * (the outbox), so an accepted order always reaches product, even if Kafka is down at that moment.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final OrderPlacements placements;
    private final Outbox outbox;

    OrderService(OrderRepository orders, OrderPlacements placements, Outbox outbox) {
        this.orders = orders;
        this.placements = placements;
        this.outbox = outbox;
    }

    /**
     * The result of a checkout.
     *
     * @param order the order
     * @param replayed true when the idempotency key had already placed it
     */
    public record Placed(Order order, boolean replayed) {
    }

    /**
     * Places an order once per (user, idempotency key): a retry with the same lines returns the first order, a
     * reuse of the key for other lines is a conflict. Concurrent retries meet at the unique key: the first
     * inserts, the others wait for it and then read its order.
     */
    public Uni<Placed> place(UUID userId, String idempotencyKey, List<OrderLine> lines) {
        String hash = hash(lines);
        Order order = newOrder(userId, idempotencyKey, hash, lines);
        OrderEvent placed = OrderEvent.placed(order.orderId, userId, lines(order), order.total);
        return placements.insert(order, placed).flatMap(inserted -> {
            if (!inserted) {
                return Panache.withSession(() -> orders.findByIdempotencyKey(userId, idempotencyKey))
                        .map(existing -> replay(existing, hash));
            }
            outbox.wake();
            return Uni.createFrom().item(new Placed(order, false));
        });
    }

    private static Order newOrder(UUID userId, String key, String hash, List<OrderLine> lines) {
        Order order = new Order();
        order.orderId = UUID.randomUUID();
        order.userId = userId;
        order.idempotencyKey = key;
        order.requestHash = hash;
        order.status = Order.Status.PENDING;
        order.createdAt = now();
        order.updatedAt = order.createdAt;
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            Order.Item item = new Order.Item();
            item.productId = line.productId();
            item.productName = line.productName().strip();
            item.quantity = line.quantity();
            item.price = line.price().setScale(2);
            order.items.add(item);
            total = total.add(item.price.multiply(BigDecimal.valueOf(item.quantity)));
        }
        order.total = total;
        return order;
    }

    private static Placed replay(Order existing, String hash) {
        if (existing == null) {
            throw new IllegalStateException("idempotency key vanished while racing");
        }
        if (!existing.requestHash.equals(hash)) {
            throw ProblemException.conflict("This idempotency_key was already used for a different order.");
        }
        return new Placed(existing, true);
    }

    /** The order if the caller may see it (its owner, or an admin); otherwise 404, as if it did not exist. */
    public Uni<Order> get(UUID orderId, UUID caller, boolean admin) {
        return Panache.withSession(() -> orders.findById(orderId)).map(o -> visible(o, orderId, caller, admin));
    }

    public Uni<List<Order>> list(UUID userId, int page, int size) {
        return Panache.withSession(() -> orders.pageOf(userId, page, size));
    }

    public Uni<Long> count(UUID userId) {
        return Panache.withSession(() -> orders.count("userId", userId));
    }

    /** PENDING or CONFIRMED becomes CANCELLED and product is told to release the stock; repeating is harmless. */
    public Uni<Order> cancel(UUID orderId, UUID caller, boolean admin) {
        return Panache.withTransaction(() -> orders.lock(orderId).flatMap(found -> {
            Order order = visible(found, orderId, caller, admin);
            switch (order.status) {
                case CANCELLED :
                    return Uni.createFrom().item(order);
                case REJECTED :
                    throw ProblemException.conflict("The order was rejected; there is nothing to cancel.");
                default :
                    order.status = Order.Status.CANCELLED;
                    order.reason = admin && !order.userId.equals(caller)
                            ? "Cancelled by an administrator."
                            : "Cancelled by the customer.";
                    order.updatedAt = now();
                    return outbox.add(Topics.ORDER_EVENTS, orderId.toString(),
                            OrderEvent.cancelled(orderId, order.userId, order.reason)).replaceWith(order);
            }
        })).invoke(outbox::wake);
    }

    static List<OrderLine> lines(Order order) {
        return order.items.stream()
                .map(i -> new OrderLine(i.productId, i.productName, i.quantity, i.price))
                .toList();
    }

    private static Order visible(Order order, UUID orderId, UUID caller, boolean admin) {
        if (order == null || !(admin || order.userId.equals(caller))) {
            throw ProblemException.notFound("Order " + orderId + " does not exist.");
        }
        return order;
    }

    /** Identifies a request's content: product, name, quantity and price of every line, in order. */
    static String hash(List<OrderLine> lines) {
        StringBuilder canonical = new StringBuilder();
        for (OrderLine line : lines) {
            canonical.append(line.productId()).append('\u001f').append(line.productName().strip()).append('\u001f')
                    .append(line.quantity()).append('\u001f').append(line.price().stripTrailingZeros().toPlainString())
                    .append('\u001e');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
