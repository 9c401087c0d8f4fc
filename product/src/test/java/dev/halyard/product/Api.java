package dev.halyard.product;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.halyard.testing.auth.TestTokens;

/** Requests as our clients send them, with tokens signed by the test key. */
public final class Api {

    public static final String PRODUCTS = "/products/api/v1/products";
    public static final TestTokens TOKENS = TestTokens.shared();
    public static final UUID ADMIN = UUID.randomUUID();
    public static final UUID CUSTOMER = UUID.randomUUID();

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(TOKENS.admin(ADMIN));
    }

    public static RequestSpecification asCustomer() {
        return given().auth().oauth2(TOKENS.customer(CUSTOMER));
    }

    /** A product id no other test uses. */
    public static String newId(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> product(String id, String category, int stock, String price) {
        return Map.of("product_id", id, "name", "Product " + id, "price", new BigDecimal(price), "stock", stock,
                "category", category);
    }

    /** Creates a product as admin and returns its id. */
    public static String create(String category, int stock, String price) {
        String id = newId("P");
        asAdmin().contentType(ContentType.JSON).body(product(id, category, stock, price))
                .post(PRODUCTS).then().statusCode(201);
        return id;
    }
}
