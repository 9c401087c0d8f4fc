package dev.halyard.user.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class AdminReadinessTest {

    @Test
    void notReadyWhileTheConfiguredAdministratorIsBeingCreated() {
        AdminBootstrap bootstrap = new AdminBootstrap(config(Optional.of("root@halyard.test"),
                Optional.of("Admin-Password-1")), null, null);
        assertEquals(Status.DOWN, new AdminReadiness(bootstrap).call().getStatus());
    }

    @Test
    void readyAtOnceWithoutAnAdministrator() {
        AdminBootstrap bootstrap = new AdminBootstrap(config(Optional.empty(), Optional.empty()), null, null);
        bootstrap.onStart(null);
        assertEquals(Status.UP, new AdminReadiness(bootstrap).call().getStatus());
    }

    private static AdminConfig config(Optional<String> email, Optional<String> password) {
        return new AdminConfig() {
            @Override
            public Optional<String> email() {
                return email;
            }

            @Override
            public Optional<String> password() {
                return password;
            }
        };
    }
}
