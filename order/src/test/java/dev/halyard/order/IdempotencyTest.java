package dev.halyard.order;

import static dev.halyard.order.Checkout.ORDERS;
import static dev.halyard.order.Checkout.TOKENS;
import static dev.halyard.order.Checkout.as;
import static dev.halyard.order.Checkout.item;
import static dev.halyard.order.Checkout.key;
import static dev.halyard.order.Checkout.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdempotencyTest {

    @Test
    void aRetryReturnsTheSameOrder() {
        UUID user = UUID.randomUUID();
        Map<String, Object> body = order(key(), item("A", 2, "3.50"));
        String first = as(user).body(body).post(ORDERS).then().statusCode(201).extract().path("order_id");
        as(user).body(body).post(ORDERS)
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("order_id", equalTo(first));
        as(user).get(ORDERS).then().body("total", equalTo(1));
    }

    @Test
    void theSameKeyForAnotherOrderIsAConflict() {
        UUID user = UUID.randomUUID();
        String key = key();
        as(user).body(order(key, item("A", 2, "3.50"))).post(ORDERS).then().statusCode(201);
        as(user).body(order(key, item("A", 3, "3.50"))).post(ORDERS)
                .then().statusCode(409).contentType("application/problem+json");
        as(user).get(ORDERS).then().body("total", equalTo(1));
    }

    @Test
    void keysBelongToTheirUser() {
        String key = key();
        String a = as(UUID.randomUUID()).body(order(key, item("A", 1, "1"))).post(ORDERS)
                .then().statusCode(201).extract().path("order_id");
        String b = as(UUID.randomUUID()).body(order(key, item("A", 1, "1"))).post(ORDERS)
                .then().statusCode(201).extract().path("order_id");
        assertEquals(false, a.equals(b));
    }

    @Test
    void twentyConcurrentRetriesPlaceOneOrder() throws Exception {
        UUID user = UUID.randomUUID();
        Set<String> ids = Checkout.race(user, 20, order(key(), item("A", 1, "9.99"), item("B", 2, "1.00")));
        assertEquals(1, ids.size(), "one order for all retries");
        given().auth().oauth2(TOKENS.customer(user)).get(ORDERS).then().body("total", equalTo(1));
    }
}
