package dev.halyard.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Registers and logs in accounts the way clients do. */
public final class Accounts {

    static final String USERS = "/users/api/v1/users";
    static final String TOKEN = "/users/api/v1/auth/token";
    static final String PASSWORD = "Correct-Horse-42";

    private Accounts() {
    }

    static String newEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    static String register(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "name", "Ada"))
                .post(USERS).then().statusCode(201);
        return email;
    }

    public static String login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post(TOKEN).then().statusCode(200).extract().path("access_token");
    }

    /**
     * Waits until the service reports ready, as a load balancer would: the configured administrator is created just
     * after start, so a test that logs in as the administrator first waits for this.
     */
    static void awaitReady() {
        await("readiness of the user service").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/q/health/ready").statusCode(), equalTo(200));
    }

    /** A new customer's access token. */
    static String newCustomerToken() {
        return login(register(newEmail()), PASSWORD);
    }
}
