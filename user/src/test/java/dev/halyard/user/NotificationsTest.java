package dev.halyard.user;

import static dev.halyard.user.Accounts.USERS;
import static dev.halyard.user.Accounts.newCustomerToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.OrderLine;
import dev.halyard.common.events.Topics;
import dev.halyard.testing.Domain;
import dev.halyard.testing.KafkaProbe;
import dev.halyard.testing.TestPlatform;

/** Notifications from the saga's events, delivered through the real broker. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsTest {

    private final ObjectMapper json = TestPlatform.json();

    private KafkaProbe kafka;

    @BeforeAll
    void connect() {
        kafka = new KafkaProbe(TestPlatform.kafkaBootstrap(Domain.USER), Topics.ORDER_EVENTS);
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void theSagaBecomesNotificationsNewestFirstEachEventOnce() throws Exception {
        String token = newCustomerToken();
        UUID user = UUID.fromString(given().auth().oauth2(token).get(USERS + "/me").path("user_id"));
        UUID order = UUID.randomUUID();
        OrderEvent placed = OrderEvent.placed(order, user, List.of(new OrderLine("A", "A", 1, BigDecimal.TEN)),
                BigDecimal.TEN);
        send(Topics.ORDER_EVENTS, order, json.writeValueAsString(placed));
        awaitCount(token, 1);
        InventoryEvent reserved = InventoryEvent.of(InventoryEvent.Type.STOCK_RESERVED, order, user, null);
        send(Topics.INVENTORY_EVENTS, order, json.writeValueAsString(reserved));
        awaitCount(token, 2);
        // redeliveries, then a marker on the same partition: once the marker shows, the duplicates were consumed
        send(Topics.ORDER_EVENTS, order, json.writeValueAsString(placed));
        send(Topics.INVENTORY_EVENTS, order, json.writeValueAsString(reserved));
        send(Topics.INVENTORY_EVENTS, order, json.writeValueAsString(
                InventoryEvent.of(InventoryEvent.Type.STOCK_RELEASED, order, user, "cancelled")));
        send(Topics.ORDER_EVENTS, order, json.writeValueAsString(OrderEvent.cancelled(order, user, "changed mind")));
        awaitCount(token, 3);
        given().auth().oauth2(token).get(USERS + "/me/notifications")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[0].kind", equalTo("ORDER_CANCELLED"))
                .body("items[0].message", equalTo("Your order " + order + " was cancelled: changed mind"))
                .body("items[1].kind", equalTo("ORDER_CONFIRMED"))
                .body("items[2].kind", equalTo("ORDER_RECEIVED"))
                .body("items[2].order_id", equalTo(order.toString()));

        String stranger = newCustomerToken();
        given().auth().oauth2(stranger).get(USERS + "/me/notifications").then().body("total", equalTo(0));
        given().get(USERS + "/me/notifications").then().statusCode(401);
        given().auth().oauth2(token).queryParam("size", 0).get(USERS + "/me/notifications").then().statusCode(400);
    }

    @Test
    void rejectionsExplainWhy() throws Exception {
        String token = newCustomerToken();
        UUID user = UUID.fromString(given().auth().oauth2(token).get(USERS + "/me").path("user_id"));
        UUID order = UUID.randomUUID();
        send(Topics.INVENTORY_EVENTS, order, json.writeValueAsString(InventoryEvent.of(
                InventoryEvent.Type.STOCK_REJECTED, order, user, "Not enough stock for product A.")));
        awaitCount(token, 1);
        given().auth().oauth2(token).get(USERS + "/me/notifications")
                .then().body("items[0].kind", equalTo("ORDER_REJECTED"))
                .body("items[0].message", equalTo("Your order " + order
                        + " could not be accepted: Not enough stock for product A."));
    }

    private void send(String topic, UUID order, String value) {
        kafka.send(topic, order.toString(), value);
    }

    private static void awaitCount(String token, int expected) {
        await("notifications").atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get(USERS + "/me/notifications").then().statusCode(200).extract().<Integer>path("total"),
                equalTo(expected));
    }
}
