package dev.halyard.order.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Orders in the order database. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /**
     * Its columns named rather than {@code *}: the pool caches prepared statements, and a cached {@code select *}
     * fails ("cached plan must not change result type") once a migration adds a column while this version runs.
     */
    private static final String STUCK = """
            select order_id, user_id, idempotency_key, request_hash, status, total, reason, invoice_key, created_at,
                updated_at, confirmed_at
            from customer_order where status = 'PENDING' and created_at < :cutoff
            order by created_at limit 100 for update skip locked""";

    public Uni<Order> findByIdempotencyKey(UUID userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }

    /** The order, locked until the transaction ends; null if there is none. */
    public Uni<Order> lock(UUID orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<Order>> pageOf(UUID userId, int page, int size) {
        return find("userId", Sort.descending("createdAt").and("orderId"), userId).page(Page.of(page, size)).list();
    }

    /** PENDING orders created before {@code cutoff}, locked; rows another replica holds are skipped. */
    public Uni<List<Order>> lockStuck(OffsetDateTime cutoff) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(STUCK, Order.class)
                .setParameter("cutoff", cutoff)
                .getResultList());
    }
}
