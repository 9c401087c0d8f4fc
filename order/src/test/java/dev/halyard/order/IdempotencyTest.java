package dev.halyard.order;

import static dev.halyard.order.Checkout.ORDERS;
import static dev.halyard.order.Checkout.TOKENS;
import static dev.halyard.order.Checkout.as;
import static dev.halyard.order.Checkout.item;
import static dev.halyard.order.Checkout.key;
import static dev.halyard.order.Checkout.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyTest {

    @Inject
    DataSource database;

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
        String token = TOKENS.customer(user);
        Map<String, Object> body = order(key(), item("A", 1, "9.99"), item("B", 2, "1.00"));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(ORDERS);
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("order_id"));
            }
            assertEquals(1, ids.size(), "one order for all retries");
            String id = ids.iterator().next();
            try (Connection c = database.getConnection()) {
                assertEquals(2, Rows.count(c, "select count(*) from order_line where order_id = ?::uuid", id),
                        "its two lines, once");
                // a retry that lost the race made an order id of its own: count by user, not by order
                assertEquals(1, Rows.count(c, "select count(*) from outbox where strpos(payload, ?) > 0", user),
                        "one ORDER_PLACED event");
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).get(ORDERS).then().body("total", equalTo(1))
                .body("items[0].items.product_id", contains("A", "B"));
    }
}
