package dev.halyard.product.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.error.ProblemException;
import dev.halyard.common.persistence.Constraints;
import dev.halyard.common.storage.ImageUploads.AcceptedImage;
import dev.halyard.common.storage.ObjectStore;
import dev.halyard.common.storage.StoredObject;

/** The catalog's rules: unique ids, stock that never goes negative, images that replace each other. */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final ProductReads reads;
    private final ObjectStore images;

    ProductService(ProductRepository products, ProductReads reads, ObjectStore images) {
        this.products = products;
        this.reads = reads;
        this.images = images;
    }

    /** The values a product is created or replaced with. */
    public record Details(String name, BigDecimal price, int stock, String description, String category) {
    }

    public Uni<Product> create(String productId, Details details) {
        return inTransaction(productId, existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicate(productId));
            }
            Product product = new Product();
            product.productId = productId;
            product.createdAt = now();
            apply(product, details);
            return products.persist(product);
        }).onFailure(Constraints::isUniqueViolation).transform(e -> duplicate(productId));
    }

    public Uni<Product> get(String productId) {
        return reads.find(productId).map(p -> require(p, productId));
    }

    public Uni<Page> list(String category, int page, int size) {
        return Panache.withSession(() -> products.page(category, page, size)
                .flatMap(items -> products.countIn(category).map(total -> new Page(items, total))));
    }

    /** A page of products and the number of products matching the filter. */
    public record Page(List<Product> items, long total) {
    }

    public Uni<Product> replace(String productId, Details details) {
        return update(productId, p -> apply(p, details));
    }

    public Uni<Product> update(String productId, Consumer<Product> change) {
        return inTransaction(productId, found -> {
            Product product = require(found, productId);
            change.accept(product);
            product.price = normalise(product.price);
            product.updatedAt = now();
            return Uni.createFrom().item(product);
        });
    }

    /** Takes units atomically; 404 for an unknown product, 409 when fewer units are left than asked. */
    public Uni<Integer> deduct(String productId, int quantity) {
        return reads.changing(productId, products.deduct(productId, quantity)).flatMap(left -> {
            if (left.isPresent()) {
                return Uni.createFrom().item(left.get());
            }
            return get(productId).map(p -> {
                throw ProblemException.conflict("Not enough stock for product " + productId + ": " + p.stock
                        + " left, " + quantity + " requested.");
            });
        });
    }

    /** Stores the image, then points the product at it; the previous image object is removed afterwards. */
    public Uni<Product> setImage(String productId, AcceptedImage image) {
        return get(productId).flatMap(exists -> images.replace(image, () -> inTransaction(productId, found -> {
            Product product = require(found, productId);
            String previous = product.imageKey;
            product.imageKey = image.key();
            product.imageContentType = image.type().mediaType();
            product.updatedAt = now();
            return Uni.createFrom().item(new ObjectStore.Replaced<>(product, previous));
        })));
    }

    /**
     * {@code change} of the product with this id (null if there is none), in one transaction through Hibernate;
     * once the transaction has ended, reads of the product go to the database again.
     */
    private <T> Uni<T> inTransaction(String productId, Function<Product, Uni<T>> change) {
        return reads.changing(productId,
                Panache.withTransaction(() -> products.findById(productId).flatMap(change::apply)));
    }

    /** The product's image from the bucket; 404 when it has none. */
    public Uni<StoredObject> image(String productId) {
        return get(productId).flatMap(p -> {
            if (p.imageKey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Product " + productId
                        + " has no image."));
            }
            return imageByKey(p.imageKey);
        });
    }

    public Uni<StoredObject> imageByKey(String key) {
        return images.get(key).map(o -> o.orElseThrow(() -> ProblemException.notFound("No such image.")));
    }

    public String imageUrl(Product product) {
        return product.imageKey == null ? null : images.publicUrl(product.imageKey).orElse(null);
    }

    private static void apply(Product product, Details details) {
        product.name = details.name().strip();
        product.price = normalise(details.price());
        product.stock = details.stock();
        product.description = details.description();
        product.category = details.category();
        product.updatedAt = now();
    }

    private static BigDecimal normalise(BigDecimal price) {
        return price.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Product require(Product product, String productId) {
        if (product == null) {
            throw ProblemException.notFound("Product " + productId + " does not exist.");
        }
        return product;
    }

    private static ProblemException duplicate(String productId) {
        return ProblemException.conflict("Product " + productId + " already exists.");
    }
}
