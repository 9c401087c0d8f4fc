package dev.halyard.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;

/**
 * Answers the {@code /<domain>/api/v1/health} routes seed 004 defined, from the same readiness checks as
 * {@code /q/health/ready}: 200 when the service can serve, 503 when a dependency is down.
 */
@ApplicationScoped
public class ServiceHealth {

    private final SmallRyeHealthReporter reporter;
    private final String service;

    ServiceHealth(SmallRyeHealthReporter reporter, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.reporter = reporter;
        this.service = service;
    }

    public Uni<Response> report() {
        return reporter.getReadinessAsync().map(health -> {
            boolean up = !health.isDown();
            return Response.status(up ? 200 : 503)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new HealthStatus(up ? "UP" : "DOWN", service))
                    .build();
        });
    }

    /**
     * The health document.
     *
     * @param status UP or DOWN
     * @param service the service's name
     */
    public record HealthStatus(String status, String service) {
    }
}
