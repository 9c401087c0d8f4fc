package dev.halyard.order;

import static dev.halyard.order.Checkout.ORDERS;
import static dev.halyard.order.Checkout.TOKENS;
import static dev.halyard.order.Checkout.as;
import static dev.halyard.order.Checkout.asAdmin;
import static dev.halyard.order.Checkout.item;
import static dev.halyard.order.Checkout.key;
import static dev.halyard.order.Checkout.order;
import static dev.halyard.order.Checkout.place;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class OrderApiTest {

    @Test
    void placesAPendingOrderWithItsTotal() {
        UUID user = UUID.randomUUID();
        String key = key();
        Map<String, Object> body = new HashMap<>(order(key, item("TEST001", 5, "10000"), item("P-2", 2, "2.50")));
        body.put("user_id", user.toString());
        String id = as(user).body(body).post(ORDERS)
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("PENDING"))
                .body("total", equalTo(50005.00f))
                .body("user_id", equalTo(user.toString()))
                .body("idempotency_key", equalTo(key))
                .body("items", hasSize(2))
                .body("items[0].product_name", equalTo("Product TEST001"))
                .body("created_at", notNullValue())
                .extract().path("order_id");
        as(user).get(ORDERS + "/" + id).then().statusCode(200).body("order_id", equalTo(id))
                .body("items[1].quantity", equalTo(2));
    }

    @Test
    void aProductMayBeOrderedOnSeveralLines() {
        // added to the cart twice: kept as the customer sent it; product reserves the sum
        UUID user = UUID.randomUUID();
        as(user).body(order(key(), item("TEST001", 1, "3.00"), item("TEST001", 2, "3.00"))).post(ORDERS)
                .then().statusCode(201)
                .body("items", hasSize(2))
                .body("total", equalTo(9.00f));
    }

    @Test
    void listsTheCallersOrdersNewestFirst() {
        UUID user = UUID.randomUUID();
        String first = place(user, item("A-1", 1, "1"));
        String second = place(user, item("A-2", 1, "1"));
        place(UUID.randomUUID(), item("A-3", 1, "1"));
        as(user).queryParam("size", 1).get(ORDERS)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].order_id", equalTo(second));
        as(user).queryParam("page", 1).queryParam("size", 1).get(ORDERS)
                .then().body("items[0].order_id", equalTo(first));
        as(user).queryParam("size", 500).get(ORDERS).then().statusCode(400);
    }

    @Test
    void invalidCheckoutsListTheirFields() {
        UUID user = UUID.randomUUID();
        as(user).body(Map.of("items", List.of(), "idempotency_key", key())).post(ORDERS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("items"));
        as(user).body(order(key(), item("A", 0, "1"))).post(ORDERS)
                .then().statusCode(400).body("errors.field", hasItem("items[0].quantity"));
        as(user).body(order(key(), item("A", 1, "-1"))).post(ORDERS)
                .then().statusCode(400).body("errors.field", hasItem("items[0].price"));
        as(user).body(Map.of("items", List.of(item("A", 1, "1")))).post(ORDERS)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("idempotency_key"));
        as(user).body("{\"items\": [{\"product_id\": \"A\", \"quantity\": \"one\"}], \"idempotency_key\": \"k\"}")
                .post(ORDERS).then().statusCode(400).contentType("application/problem+json");
        as(user).body("{").post(ORDERS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.customer(user)).contentType(ContentType.TEXT).body("x").post(ORDERS)
                .then().statusCode(415);
        as(user).get(ORDERS).then().body("total", equalTo(0));
    }

    @Test
    void tooManyLinesAreRefused() {
        Map<String, Object>[] items = new Map[51];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("P" + i, 1, "1");
        }
        as(UUID.randomUUID()).body(order(key(), items)).post(ORDERS)
                .then().statusCode(400).body("errors[0].field", equalTo("items"));
    }

    @Test
    void theLargestOrderTheApiAcceptsIsStoredWithItsTotal() {
        Map<String, Object>[] items = new Map[50];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("P" + i, 1000, "9999999999.99");
        }
        String body = as(UUID.randomUUID()).body(order(key(), items)).post(ORDERS)
                .then().statusCode(201).extract().asString();
        assertTrue(body.contains("\"total\":499999999999500.00"), body);
    }

    @Test
    void authIsRequiredAndOrdersArePrivate() {
        given().contentType(ContentType.JSON).body(order(key(), item("A", 1, "1"))).post(ORDERS)
                .then().statusCode(401).contentType("application/problem+json");
        UUID owner = UUID.randomUUID();
        given().auth().oauth2(TOKENS.expired(owner)).get(ORDERS).then().statusCode(401);
        given().auth().oauth2(TOKENS.forged(owner)).get(ORDERS).then().statusCode(401);
        String id = place(owner, item("A", 1, "1"));
        as(UUID.randomUUID()).get(ORDERS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(UUID.randomUUID()).post(ORDERS + "/" + id + "/cancel").then().statusCode(404);
        asAdmin().get(ORDERS + "/" + id).then().statusCode(200).body("user_id", equalTo(owner.toString()));
        as(owner).get(ORDERS + "/" + UUID.randomUUID()).then().statusCode(404);
        as(owner).get(ORDERS + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void userIdInTheBodyMustBeTheCaller() {
        Map<String, Object> body = new HashMap<>(order(key(), item("A", 1, "1")));
        body.put("user_id", "test_user");
        as(UUID.randomUUID()).body(body).post(ORDERS).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void cancellingIsForPendingOrConfirmedOrdersAndRepeatable() {
        UUID user = UUID.randomUUID();
        String id = place(user, item("A", 1, "1"));
        as(user).post(ORDERS + "/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("reason", equalTo("Cancelled by the customer."));
        as(user).post(ORDERS + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(user).get(ORDERS + "/" + id + "/invoice").then().statusCode(409).contentType("application/problem+json");
    }
}
