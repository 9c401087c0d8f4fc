package dev.halyard.common.storage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;

/**
 * Whether the service's bucket is reachable, on {@code /q/health/well}: operators and alerts see it, but it is not
 * a readiness check. Without the bucket only uploads and image or invoice downloads fail, so an object-store outage
 * must not take reads and checkout out of the load balancer (the same reasoning as for Kafka). It also keeps the S3
 * client's first call, about 0.1 s of a start (issue 7), off the way to ready.
 */
@Wellness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    private final ObjectStore store;

    ObjectStoreHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.ping();
            return HealthCheckResponse.named("object-store").up().withData("bucket", store.bucket()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("object-store").down().withData("bucket", store.bucket()).build();
        }
    }
}
