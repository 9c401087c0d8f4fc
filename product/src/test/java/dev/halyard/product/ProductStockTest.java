package dev.halyard.product;

import static dev.halyard.product.Api.PRODUCTS;
import static dev.halyard.product.Api.asAdmin;
import static dev.halyard.product.Api.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProductStockTest {

    @Test
    void deductReturnsTheNewStock() {
        String id = create("stock", 10, "3");
        deduct(id, 4).then().statusCode(200)
                .body("product_id", equalTo(id))
                .body("stock", equalTo(6));
        given().get(PRODUCTS + "/" + id).then().body("stock", equalTo(6));
    }

    @Test
    void notEnoughStockIsAConflictAndChangesNothing() {
        String id = create("stock", 3, "3");
        deduct(id, 4).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("3 left"));
        deduct(id, 3).then().statusCode(200).body("stock", equalTo(0));
        deduct(id, 1).then().statusCode(409);
        given().get(PRODUCTS + "/" + id).then().body("stock", equalTo(0));
    }

    @Test
    void invalidQuantitiesAndUnknownProductsAreRejected() {
        String id = create("stock", 5, "3");
        deduct(id, 0).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        deduct(id, -2).then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body("{}").post(PRODUCTS + "/" + id + "/deduct")
                .then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        asAdmin().contentType(ContentType.JSON).body("{\"quantity\": \"two\"}")
                .post(PRODUCTS + "/" + id + "/deduct")
                .then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        deduct("UNKNOWN-9", 1).then().statusCode(404).contentType("application/problem+json");
        given().get(PRODUCTS + "/" + id).then().body("stock", equalTo(5));
    }

    /** The contention figure: 64 concurrent deducts of 1 against stock 50. */
    @Test
    void concurrentDeductsNeverOversell() throws Exception {
        String id = create("contention", 50, "1");
        String token = Api.TOKENS.admin(Api.ADMIN);
        int clients = 64;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Integer> call = () -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("quantity", 1))
                            .post(PRODUCTS + "/" + id + "/deduct")
                            .statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int ok = 0;
            int conflict = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                if (status == 200) {
                    ok++;
                } else if (status == 409) {
                    conflict++;
                } else {
                    throw new AssertionError("unexpected status " + status);
                }
            }
            assertEquals(50, ok, "successful deducts");
            assertEquals(14, conflict, "conflicts");
        } finally {
            pool.shutdownNow();
        }
        given().get(PRODUCTS + "/" + id).then().body("stock", equalTo(0));
    }

    private static io.restassured.response.Response deduct(String id, int quantity) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("quantity", quantity))
                .post(PRODUCTS + "/" + id + "/deduct");
    }
}
