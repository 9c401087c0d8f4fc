package dev.halyard.product.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code GET /products/{id}}, the most frequent request of a shop, with the reactive PostgreSQL client directly:
 * one prepared statement and no Hibernate session, whose opening, loading and closing cost the service several
 * times the database's own work for a read this simple (the benchmark's profile). In front of it a short-lived
 * cache ({@link ProductCache}), which every write of this service clears for the products it changed.
 */
@ApplicationScoped
public class ProductReads {

    private static final String BY_ID = """
            select product_id, name, description, category, price, stock, image_key, image_content_type,
                created_at, updated_at
            from product where product_id = $1""";

    private final Pool pool;
    private final ProductCache cache;

    ProductReads(Pool pool, ProductConfig config) {
        this.pool = pool;
        this.cache = new ProductCache(config.readCache().ttl(), config.readCache().maxSize(), this::query);
    }

    /** The product, read-only and shared (not attached to any session); null when there is none. */
    Uni<Product> find(String productId) {
        return cache.get(productId);
    }

    /**
     * {@code write}, after whose end (committed, rolled back or failed) this replica's reads of these products go to
     * the database again. Every write of a product goes through here.
     */
    <T> Uni<T> changing(Iterable<String> productIds, Uni<T> write) {
        return write.onTermination().invoke(() -> cache.forget(productIds));
    }

    <T> Uni<T> changing(String productId, Uni<T> write) {
        return changing(List.of(productId), write);
    }

    private Uni<Product> query(String productId) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(productId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? product(found.next()) : null;
        });
    }

    private static Product product(Row row) {
        Product p = new Product();
        p.productId = row.getString("product_id");
        p.name = row.getString("name");
        p.description = row.getString("description");
        p.category = row.getString("category");
        p.price = row.getBigDecimal("price");
        p.stock = row.getInteger("stock");
        p.imageKey = row.getString("image_key");
        p.imageContentType = row.getString("image_content_type");
        p.createdAt = row.getOffsetDateTime("created_at");
        p.updatedAt = row.getOffsetDateTime("updated_at");
        return p;
    }
}
