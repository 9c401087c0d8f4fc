package dev.halyard.product.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/** Products in the product database. */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    private static final String DEDUCT = """
            update product set stock = stock - $1, updated_at = now()
            where product_id = $2 and stock >= $1
            returning stock""";

    private final Pool pool;

    ProductRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Takes {@code quantity} units in one conditional UPDATE: concurrent deductions serialise on the row lock and
     * each re-checks the stock it finds, so stock can never go below zero and no update is lost.
     *
     * @return the stock left, or empty when the product is missing or has fewer units than asked
     */
    public Uni<Optional<Integer>> deduct(String productId, int quantity) {
        return pool.preparedQuery(DEDUCT).execute(Tuple.of(quantity, productId)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            return it.hasNext() ? Optional.of(it.next().getInteger(0)) : Optional.empty();
        });
    }

    public Uni<List<Product>> page(String category, int page, int size) {
        Sort sort = Sort.by("productId");
        var query = category == null ? findAll(sort) : find("category", sort, category);
        return query.page(Page.of(page, size)).list();
    }

    public Uni<Long> countIn(String category) {
        return category == null ? count() : count("category", category);
    }
}
