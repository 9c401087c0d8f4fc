package dev.halyard.product;

import static dev.halyard.product.Api.PRODUCTS;
import static dev.halyard.product.Api.asAdmin;
import static dev.halyard.product.Api.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The read cache of {@code GET /products/{id}}: this service's own changes show at once, another replica's within
 * the ttl ({@code PT5S} in the test profile). Not rerun as an IT: it writes to the database past the service.
 */
@QuarkusTest
class ProductReadCacheTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    @Inject
    Pool pool;

    @Test
    void everyWriteOfThisServiceShowsInTheNextRead() {
        String id = create("cache", 10, "2.00");
        assertEquals(10, read(id).getInt("stock"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("price", 3.5)).patch(PRODUCTS + "/" + id)
                .then().statusCode(200);
        assertEquals(3.5f, read(id).getFloat("price"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("quantity", 4)).post(PRODUCTS + "/" + id + "/deduct")
                .then().statusCode(200);
        assertEquals(6, read(id).getInt("stock"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "price", 4, "stock", 2))
                .put(PRODUCTS + "/" + id).then().statusCode(200);
        JsonPath replaced = read(id);
        assertEquals("Renamed", replaced.getString("name"));
        assertEquals(2, replaced.getInt("stock"));
    }

    @Test
    void aChangeAnotherReplicaMadeShowsWithinTheTtl() {
        String id = create("cache", 7, "2.00");
        assertEquals(7, read(id).getInt("stock"));

        // what another replica of the service does: this one is not told
        pool.preparedQuery("update product set stock = 3 where product_id = $1").execute(Tuple.of(id))
                .await().indefinitely();
        assertEquals(7, read(id).getInt("stock"), "read from the cache, not from the database");

        await().atMost(TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertEquals(3, read(id).getInt("stock")));
    }

    private static JsonPath read(String id) {
        return given().get(PRODUCTS + "/" + id).then().statusCode(200).extract().jsonPath();
    }
}
