package dev.halyard.order.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.halyard.common.health.ServiceHealth;

/** Seed 004's health route, kept for compatibility; backed by the readiness checks. */
@Path("/orders/api/v1/health")
@Tag(name = "health")
public class HealthResource {

    private final ServiceHealth health;

    HealthResource(ServiceHealth health) {
        this.health = health;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Service health: 200 UP or 503 DOWN")
    public Uni<Response> health() {
        return health.report("order");
    }
}
