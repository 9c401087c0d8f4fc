package dev.halyard.common.storage;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The service's bucket. The S3 client blocks, so every call runs on a worker thread and its result comes back on
 * the caller's Vert.x context, where a reactive Hibernate session may continue.
 */
@ApplicationScoped
public class ObjectStore {

    private final S3Client s3;
    private final StorageConfig config;
    private final Vertx vertx;

    ObjectStore(S3Client s3, StorageConfig config, Vertx vertx) {
        this.s3 = s3;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<Void> put(String key, String contentType, byte[] bytes) {
        return blocking(() -> {
            s3.putObject(b -> b.bucket(config.bucket()).key(key).contentType(contentType),
                    RequestBody.fromBytes(bytes));
            return null;
        });
    }

    /** The object, or empty when the key does not exist. */
    public Uni<Optional<StoredObject>> get(String key) {
        return blocking(() -> {
            try {
                ResponseBytes<GetObjectResponse> object = s3
                        .getObjectAsBytes(b -> b.bucket(config.bucket()).key(key));
                return Optional.of(new StoredObject(object.response().contentType(), object.asByteArray()));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    public Uni<Void> delete(String key) {
        return blocking(() -> {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
            return null;
        });
    }

    /**
     * Replaces an owner's image: stores the new object, lets {@code record} point the owner at its key (in a
     * transaction, returning the key it pointed at before), then deletes the previous object. Storing first means
     * a failed upload never leaves the owner pointing at a missing object.
     */
    public <T> Uni<T> replace(ImageUploads.AcceptedImage image, Supplier<Uni<Replaced<T>>> record) {
        return put(image.key(), image.type().mediaType(), image.content())
                .flatMap(stored -> record.get())
                .flatMap(r -> r.previousKey() == null || r.previousKey().equals(image.key())
                        ? Uni.createFrom().item(r.owner())
                        : delete(r.previousKey()).replaceWith(r.owner()));
    }

    /**
     * The owner after a replacement, and the key it pointed at before (null if none).
     *
     * @param owner the updated owner
     * @param previousKey the object key it no longer uses
     */
    public record Replaced<T>(T owner, String previousKey) {
    }

    /** Fails unless the bucket exists and our credentials reach it; blocking, for health checks. */
    public void ping() {
        s3.headBucket(b -> b.bucket(config.bucket()));
    }

    /** The public (CDN) URL of a key, when a public base URL is configured. */
    public Optional<String> publicUrl(String key) {
        return config.publicBaseUrl().map(base -> base.replaceAll("/+$", "") + "/" + key);
    }

    public String bucket() {
        return config.bucket();
    }

    private <T> Uni<T> blocking(Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work), false);
    }
}
