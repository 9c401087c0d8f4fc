package dev.halyard.order.storage;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.error.ProblemException;
import dev.halyard.common.storage.ObjectStore;
import dev.halyard.common.storage.StoredObject;
import dev.halyard.order.domain.Order;
import dev.halyard.order.domain.OrderRepository;
import dev.halyard.order.domain.OrderService;

/**
 * Invoices in the order-documents bucket (kept 7 years by its lifecycle rule). The first request for a confirmed
 * order renders it and stores it under {@code invoices/yyyy/MM/dd/<order id>.html}; every request streams the
 * stored document, so an invoice never changes once issued.
 */
@ApplicationScoped
public class Invoices {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final OrderService orders;
    private final OrderRepository repository;
    private final InvoiceRenderer renderer;
    private final ObjectStore documents;

    Invoices(OrderService orders, OrderRepository repository, InvoiceRenderer renderer, ObjectStore documents) {
        this.orders = orders;
        this.repository = repository;
        this.renderer = renderer;
        this.documents = documents;
    }

    public Uni<StoredObject> invoice(UUID orderId, UUID caller, boolean admin) {
        return orders.get(orderId, caller, admin).flatMap(order -> {
            if (order.invoiceKey != null) {
                return read(order.invoiceKey);
            }
            if (order.status != Order.Status.CONFIRMED) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "The invoice exists once the order is confirmed; it is " + order.status + "."));
            }
            String key = key(order);
            return documents.put(key, CONTENT_TYPE, renderer.render(order))
                    .chain(() -> Panache.withTransaction(() -> repository.update(
                            "invoiceKey = ?1 where orderId = ?2 and invoiceKey is null", key, orderId)))
                    .chain(() -> read(key));
        });
    }

    static String key(Order order) {
        return "invoices/" + order.confirmedAt.format(DAY) + "/" + order.orderId + ".html";
    }

    private Uni<StoredObject> read(String key) {
        return documents.get(key).map(o -> o.orElseThrow(() -> new IllegalStateException(
                "invoice " + key + " is recorded but missing from the bucket")));
    }
}
