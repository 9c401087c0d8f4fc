package dev.halyard.user;

import static dev.halyard.user.Accounts.PASSWORD;
import static dev.halyard.user.Accounts.USERS;
import static dev.halyard.user.Accounts.newEmail;
import static dev.halyard.user.Accounts.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.halyard.testing.Domain;
import dev.halyard.testing.TestPlatform;

@QuarkusTest
class RegistrationTest {

    @Test
    void registersACustomerWithoutExposingThePassword() throws Exception {
        String email = newEmail();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(Locale.ROOT), "password", PASSWORD, "name", " Grace "))
                .post(USERS)
                .then().statusCode(201)
                .body("user_id", notNullValue())
                .body("email", equalTo(email))
                .body("name", equalTo("Grace"))
                .body("role", equalTo("customer"))
                .body("has_avatar", equalTo(false))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("password_hash")));
        String hash = storedHash(email);
        assertTrue(hash.startsWith("$2a$10$") || hash.startsWith("$2b$10$"), "bcrypt hash, cost 10: " + hash);
        assertTrue(!hash.contains(PASSWORD));
    }

    @Test
    void emailsAreUniqueRegardlessOfCase() {
        String email = register(newEmail());
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(Locale.ROOT), "password", PASSWORD, "name", "Twin"))
                .post(USERS)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shortPasswordsAndOnesHoldingTheEmailAreRejectedWithTheReason() {
        // nine characters, even when they take eighteen UTF-16 units
        for (String weak : new String[]{"short1", "123456789", "\uD83D\uDE00".repeat(9), "x".repeat(129)}) {
            given().contentType(ContentType.JSON).body(Map.of("email", newEmail(), "password", weak, "name", "W"))
                    .post(USERS)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("password"));
        }
        // no composition rules (NIST SP 800-63B): ten characters of any kind will do, emoji included
        for (String strong : new String[]{"onlyletterslong", "\uD83D\uDE00".repeat(10)}) {
            given().contentType(ContentType.JSON).body(Map.of("email", newEmail(), "password", strong, "name", "S"))
                    .post(USERS)
                    .then().statusCode(201);
        }
        String email = newEmail();
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", email + "1", "name", "W"))
                .post(USERS)
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void invalidFieldsAreListed() {
        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-email", "name", ""))
                .post(USERS)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("email", "name", "password"));
        // HTML's rule for an email address, which the published schema states as the same pattern
        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.net*", "password", PASSWORD, "name",
                "Ada")).post(USERS)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body("{\"email\": 42, \"password\": \"x\", \"name\": \"n\"}")
                .post(USERS)
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body("[1,2")
                .post(USERS)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.XML).body("<user/>")
                .post(USERS)
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static String storedHash(String email) throws Exception {
        Map<String, String> config = TestPlatform.config(Domain.USER);
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                PreparedStatement ps = c.prepareStatement("select password_hash from app_user where email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
