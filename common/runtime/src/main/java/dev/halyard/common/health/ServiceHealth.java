package dev.halyard.common.health;

import java.time.Duration;

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

    /** Below the probes' timeout, so a probe reads DOWN rather than timing out. */
    private static final Duration VERDICT_WITHIN = Duration.ofSeconds(3);

    private final SmallRyeHealthReporter reporter;
    private final String service;

    ServiceHealth(SmallRyeHealthReporter reporter, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.reporter = reporter;
        this.service = service;
    }

    public Uni<Response> report() {
        return reporter.getReadinessAsync()
                // a check that hangs (a stalled pool) or fails is a DOWN service, not a server error
                .ifNoItem().after(VERDICT_WITHIN).fail()
                .map(health -> !health.isDown())
                .onFailure().recoverWithItem(false)
                .map(up -> Response.status(up ? 200 : 503)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(new HealthStatus(up ? "UP" : "DOWN", service))
                        .build());
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
