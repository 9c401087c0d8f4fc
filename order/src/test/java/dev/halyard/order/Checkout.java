package dev.halyard.order;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
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

    /** Places an order for {@code user} and returns its id. */
    static String place(UUID user, Map<String, Object>... items) {
        return as(user).body(order(key(), items)).post(ORDERS).then().statusCode(201).extract().path("order_id");
    }
}
