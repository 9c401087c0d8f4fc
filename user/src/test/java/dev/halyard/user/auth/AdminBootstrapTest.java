package dev.halyard.user.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

import dev.halyard.user.Accounts;

@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AdminBootstrap bootstrap;

    @Test
    void adminBootstrapRunsOnlyOnce() throws Throwable {
        boolean created = VertxContextSupport.subscribeAndAwait(bootstrap::ensureAdmin);
        assertEquals(false, created, "the administrator already exists from start-up");
        Accounts.login("root@halyard.test", "Admin-Password-1");
    }
}
