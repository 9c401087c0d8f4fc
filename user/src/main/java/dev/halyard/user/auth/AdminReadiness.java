package dev.halyard.user.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until {@link AdminBootstrap} has made sure the configured administrator exists. */
@Readiness
@ApplicationScoped
class AdminReadiness implements HealthCheck {

    private final AdminBootstrap bootstrap;

    AdminReadiness(AdminBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("administrator").status(bootstrap.isDone()).build();
    }
}
