package dev.halyard.common.health;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;

/**
 * Seed 004's {@code /<domain>s/api/v1/health} route, kept for compatibility and backed by the readiness checks. A
 * service's subclass only names the path ({@code @Path}) and tag; the path is a constant, so it cannot live here.
 */
public abstract class HealthRoute {

    private final ServiceHealth health;

    protected HealthRoute(ServiceHealth health) {
        this.health = health;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Service health: 200 UP or 503 DOWN")
    @APIResponse(responseCode = "200", description = "The service can serve", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceHealth.HealthStatus.class)))
    @APIResponse(responseCode = "503", description = "A dependency is down", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceHealth.HealthStatus.class)))
    public Uni<Response> health() {
        return health.report();
    }
}
