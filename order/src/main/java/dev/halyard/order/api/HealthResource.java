package dev.halyard.order.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.halyard.common.health.HealthRoute;
import dev.halyard.common.health.ServiceHealth;

/** Seed 004's health route of the order service. */
@Path("/orders/api/v1/health")
@Tag(name = "health")
public class HealthResource extends HealthRoute {

    HealthResource(ServiceHealth health) {
        super(health);
    }
}
