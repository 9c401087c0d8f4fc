package dev.halyard.product;

import static dev.halyard.product.Api.ADMIN;
import static dev.halyard.product.Api.PRODUCTS;
import static dev.halyard.product.Api.TOKENS;
import static dev.halyard.product.Api.asCustomer;
import static dev.halyard.product.Api.create;
import static dev.halyard.product.Api.newId;
import static dev.halyard.product.Api.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProductAuthTest {

    @Test
    void writesWithoutATokenAreUnauthenticated() {
        given().contentType(ContentType.JSON).body(product(newId("A"), "x", 1, "1"))
                .post(PRODUCTS)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("https://halyard.dev/problems/unauthenticated"));
    }

    @Test
    void badTokensAreUnauthenticated() {
        for (String token : new String[]{TOKENS.expired(ADMIN), TOKENS.tampered(ADMIN), TOKENS.forged(ADMIN),
                unsigned(), "not-a-jwt"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(product(newId("B"), "x", 1, "1"))
                    .post(PRODUCTS)
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void customersMayReadButNotWrite() {
        String id = create("auth", 5, "1");
        asCustomer().get(PRODUCTS + "/" + id).then().statusCode(200);
        asCustomer().contentType(ContentType.JSON).body(product(newId("C"), "x", 1, "1"))
                .post(PRODUCTS)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://halyard.dev/problems/forbidden"));
        asCustomer().contentType(ContentType.JSON).body(Map.of("quantity", 1))
                .post(PRODUCTS + "/" + id + "/deduct").then().statusCode(403);
        asCustomer().contentType(ContentType.JSON).body(Map.of("stock", 0))
                .patch(PRODUCTS + "/" + id).then().statusCode(403);
        given().get(PRODUCTS + "/" + id).then().statusCode(200).body("stock", equalTo(5));
    }

    @Test
    void publicReadsIgnoreAMissingToken() {
        String id = create("auth", 1, "1");
        given().get(PRODUCTS + "/" + id).then().statusCode(200);
        given().get(PRODUCTS).then().statusCode(200);
    }

    /** {"alg":"none"}: a token that claims admin without any signature. */
    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String claims = b64.encodeToString(("{\"iss\":\"https://halyard.dev/users\",\"sub\":\"" + ADMIN
                + "\",\"groups\":[\"admin\"],\"exp\":4102444800}").getBytes());
        return header + "." + claims + ".";
    }
}
