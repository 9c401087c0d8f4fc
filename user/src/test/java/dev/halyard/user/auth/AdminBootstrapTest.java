package dev.halyard.user.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

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
        bootstrap.done().toCompletableFuture().get(30, TimeUnit.SECONDS);
        boolean created = VertxContextSupport.subscribeAndAwait(bootstrap::ensureAdmin);
        assertEquals(false, created, "the administrator already exists from start-up");
        Accounts.login("root@halyard.test", "Admin-Password-1");
    }

    @Test
    void readinessWaitsForTheAdministrator() throws Exception {
        bootstrap.done().toCompletableFuture().get(30, TimeUnit.SECONDS);
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'administrator' }.status", equalTo("UP"));
    }
}
