package dev.halyard.order;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.halyard.testing.auth.TestTokens;

/** Checkout requests as clients send them. */
final class Checkout {

    static final String ORDERS = "/orders/api/v1/orders";
    static final TestTokens TOKENS = TestTokens.shared();

    private Checkout() {
    }

    static RequestSpecification as(UUID user) {
        return given().auth().oauth2(TOKENS.customer(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TOKENS.admin(UUID.randomUUID())).contentType(ContentType.JSON);
    }

    static Map<String, Object> item(String productId, int quantity, String price) {
        return Map.of("product_id", productId, "product_name", "Product " + productId, "quantity", quantity,
                "price", new java.math.BigDecimal(price));
    }

    static Map<String, Object> order(String key, Map<String, Object>... items) {
        return Map.of("items", List.of(items), "idempotency_key", key);
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    /**
     * Sends {@code body} for {@code user} from {@code clients} threads at once, as a client's retries racing each
     * other; checks every answer is 201 and returns the order ids they named.
     */
    static Set<String> race(UUID user, int clients, Map<String, Object> body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return as(user).body(body).post(ORDERS);
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("order_id"));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Places an order for {@code user} and returns its id. */
    static String place(UUID user, Map<String, Object>... items) {
        return as(user).body(order(key(), items)).post(ORDERS).then().statusCode(201).extract().path("order_id");
    }
}
