package dev.halyard.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import dev.halyard.e2e.support.Client;
import dev.halyard.e2e.support.RunningPlatform;
import dev.halyard.testing.Domain;
import dev.halyard.testing.local.Platform;

/**
 * The whole platform as it runs in production, minus Kubernetes: three service processes from their packaged
 * jars, real PostgreSQL, Kafka and S3 ({@link RunningPlatform}), and only HTTP between the test and the services.
 */
class SagaEndToEndTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static Platform platform;
    private static Client client;
    private static String users;
    private static String orders;
    private static String admin;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
        assertEquals(List.of(Domain.USER, Domain.PRODUCT, Domain.ORDER), platform.domains(),
                "all three services are built");
        users = platform.url(Domain.USER) + "/users/api/v1";
        orders = platform.url(Domain.ORDER) + "/orders/api/v1";
        client = new Client(platform);
        admin = client.admin();
    }

    @Test
    void happyPathFromRegistrationToInvoiceAndNotifications() throws Exception {
        String customer = newCustomer();
        String product = newProduct(10, "12.50");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String order = given().auth().oauth2(customer).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body(Client.orderRequest(List.of(Client.item(product, "Product " + product, 2, "12.50"))))
                .post(orders + "/orders").then().statusCode(201).extract().path("order_id");
        assertEquals("CONFIRMED", settle(customer, order));
        assertEquals(8, stock(product));
        assertEquals(traceId, traceOfProductsAnswer(order), "product's answer continues the order's trace");

        given().auth().oauth2(customer).get(orders + "/orders/" + order + "/invoice")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString(order)).body(containsString("25.00"));
        awaitNotifications(customer, 2);
        given().auth().oauth2(customer).get(users + "/users/me/notifications")
                .then().body("items.kind", hasItems("ORDER_RECEIVED", "ORDER_CONFIRMED"))
                .body("items[0].kind", equalTo("ORDER_CONFIRMED"));
    }

    @Test
    void anOrderWithoutEnoughStockIsRejectedAndTakesNothing() throws InterruptedException {
        String customer = newCustomer();
        String product = newProduct(3, "5.00");
        String order = placeOrder(customer, product, 4, "5.00");
        assertEquals("REJECTED", settle(customer, order));
        given().auth().oauth2(customer).get(orders + "/orders/" + order)
                .then().body("reason", containsString("Not enough stock"));
        assertEquals(3, stock(product));
        given().auth().oauth2(customer).get(orders + "/orders/" + order + "/invoice").then().statusCode(409);
    }

    @Test
    void cancellingAConfirmedOrderReleasesItsStock() throws InterruptedException {
        String customer = newCustomer();
        String product = newProduct(5, "1.00");
        String order = placeOrder(customer, product, 5, "1.00");
        assertEquals("CONFIRMED", settle(customer, order));
        assertEquals(0, stock(product));
        given().auth().oauth2(customer).post(orders + "/orders/" + order + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        await("stock released by the cancel").atMost(SETTLE).until(() -> stock(product), equalTo(5));
        assertEquals(5, stock(product), "released exactly once");
    }

    /** The contention figure: 200 concurrent single-unit orders against stock 50. */
    @Test
    void twoHundredConcurrentOrdersForFiftyUnits() throws Exception {
        String product = newProduct(50, "2.00");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(newCustomer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<String[]>> placed = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String customer = customers.get(i % customers.size());
                placed.add(pool.submit(() -> new String[]{customer, placeOrder(customer, product, 1, "2.00")}));
            }
            Map<String, Integer> outcomes = new HashMap<>();
            long began = System.nanoTime();
            for (Future<String[]> f : placed) {
                f.get();
            }
            long accepted = System.nanoTime();
            for (Future<String[]> f : placed) {
                String[] customerAndOrder = f.get();
                outcomes.merge(settle(customerAndOrder[0], customerAndOrder[1]), 1, Integer::sum);
            }
            System.out.printf("contention: 200 orders accepted in %d ms, all settled %d ms later%n",
                    (accepted - began) / 1_000_000, (System.nanoTime() - accepted) / 1_000_000);
            assertEquals(Map.of("CONFIRMED", 50, "REJECTED", 150), outcomes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, stock(product));
    }

    /** The trace id product recorded with its answer to the order (its outbox row's traceparent). */
    private static String traceOfProductsAnswer(String order) throws Exception {
        var db = platform.backing().database(Domain.PRODUCT);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement ps = c.prepareStatement(
                        "select trace_parent from outbox where message_key = ? and topic = 'inventory-events'")) {
            ps.setString(1, order);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "product answered through its outbox");
                String traceParent = rs.getString(1);
                assertTrue(traceParent != null && traceParent.startsWith("00-"), "traceparent: " + traceParent);
                return traceParent.split("-")[1];
            }
        }
    }

    private static String newCustomer() {
        return client.newCustomer().token();
    }

    private static String newProduct(int stock, String price) {
        return client.newProduct(admin, stock, price);
    }

    private static String placeOrder(String customer, String product, int quantity, String price) {
        return given().auth().oauth2(customer).contentType(ContentType.JSON)
                .body(Client.orderRequest(List.of(Client.item(product, "Product " + product, quantity, price))))
                .post(orders + "/orders").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("order_id");
    }

    /** Waits until the order leaves PENDING and returns where it ended. */
    private static String settle(String customer, String order) {
        return await("order " + order + " leaving PENDING").atMost(SETTLE).until(() -> given().auth().oauth2(customer)
                .get(orders + "/orders/" + order).then().statusCode(200).extract().<String>path("status"),
                not(equalTo("PENDING")));
    }

    private static int stock(String product) {
        return client.stock(product);
    }

    private static void awaitNotifications(String customer, int count) {
        await("notifications").atMost(SETTLE).until(() -> given().auth().oauth2(customer)
                .get(users + "/users/me/notifications").then().statusCode(200).extract().<Integer>path("total"),
                greaterThanOrEqualTo(count));
    }
}
