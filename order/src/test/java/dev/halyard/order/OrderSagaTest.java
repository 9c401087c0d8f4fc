package dev.halyard.order;

import static dev.halyard.order.Checkout.ORDERS;
import static dev.halyard.order.Checkout.as;
import static dev.halyard.order.Checkout.item;
import static dev.halyard.order.Checkout.key;
import static dev.halyard.order.Checkout.order;
import static dev.halyard.order.Checkout.place;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.common.events.InventoryEvent;
import dev.halyard.common.events.Topics;
import dev.halyard.testing.Domain;
import dev.halyard.testing.KafkaProbe;
import dev.halyard.testing.S3Server;
import dev.halyard.testing.TestPlatform;

import software.amazon.awssdk.services.s3.S3Client;

/** Order's side of the saga; the test answers as the product service would, over the real broker. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSagaTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private final ObjectMapper json = TestPlatform.json();

    private KafkaProbe kafka;

    @BeforeAll
    void connect() {
        kafka = new KafkaProbe(TestPlatform.kafkaBootstrap(Domain.ORDER), Topics.ORDER_EVENTS);
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void aPlacedOrderIsPublishedWithItsLinesAndTrace() throws Exception {
        UUID user = UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = as(user).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(order(key(), item("TEST001", 5, "10000"))).post(ORDERS)
                .then().statusCode(201).extract().path("order_id");
        ConsumerRecord<String, String> record = kafka.await(v -> v.contains(id), WAIT);
        assertEquals(id, record.key(), "keyed by order id");
        JsonNode event = json.readTree(record.value());
        assertEquals("ORDER_PLACED", event.get("type").asText());
        assertEquals(user.toString(), event.get("user_id").asText());
        assertEquals("TEST001", event.get("lines").get(0).get("product_id").asText());
        assertEquals(5, event.get("lines").get(0).get("quantity").asInt());
        assertEquals(1, event.get("version").asInt());
        assertNotNull(event.get("event_id").asText());
        var traceparent = record.headers().lastHeader("traceparent");
        assertNotNull(traceparent, "trace context travels with the event");
        assertTrue(new String(traceparent.value(), StandardCharsets.US_ASCII).contains(traceId),
                "the event continues the request's trace");
    }

    @Test
    void productsAnswerSettlesTheOrderOnce() throws Exception {
        UUID user = UUID.randomUUID();
        String confirmed = place(user, item("A", 1, "1"));
        InventoryEvent reserved = answer(confirmed, user, InventoryEvent.Type.STOCK_RESERVED, null);
        awaitStatus(user, confirmed, "CONFIRMED");
        send(reserved);
        answer(confirmed, user, InventoryEvent.Type.STOCK_REJECTED, "too late");

        String rejected = place(user, item("B", 1, "1"));
        answer(rejected, user, InventoryEvent.Type.STOCK_REJECTED, "Not enough stock for product B.");
        awaitStatus(user, rejected, "REJECTED");
        as(user).get(ORDERS + "/" + rejected).then().body("reason", equalTo("Not enough stock for product B."));
        // a marker on the confirmed order's partition proves the late answers were consumed before we look
        String marker = place(user, item("C", 1, "1"));
        kafka.send(Topics.INVENTORY_EVENTS, confirmed, json.writeValueAsString(InventoryEvent.of(
                InventoryEvent.Type.STOCK_RESERVED, UUID.fromString(marker), user, null)));
        awaitStatus(user, marker, "CONFIRMED");
        as(user).get(ORDERS + "/" + confirmed).then().body("status", equalTo("CONFIRMED"));
        as(user).post(ORDERS + "/" + rejected + "/cancel").then().statusCode(409);
    }

    @Test
    void theInvoiceIsIssuedOnceForAConfirmedOrderAndStoredUnderItsDate() throws Exception {
        UUID user = UUID.randomUUID();
        String id = place(user, item("A", 2, "19.90"),
                Map.of("product_id", "X-1", "product_name", "<script>alert(1)</script>", "quantity", 1,
                        "price", 5));
        as(user).get(ORDERS + "/" + id + "/invoice").then().statusCode(409);
        answer(id, user, InventoryEvent.Type.STOCK_RESERVED, null);
        awaitStatus(user, id, "CONFIRMED");

        byte[] first = as(user).get(ORDERS + "/" + id + "/invoice")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString(id))
                .body(containsString("44.80"))
                .body(containsString("&lt;script&gt;"))
                .body(not(containsString("<script>")))
                .extract().asByteArray();
        String key = "invoices/" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/" + id + ".html";
        try (S3Client s3 = documents()) {
            byte[] stored = s3.getObjectAsBytes(b -> b.bucket("halyard-order-documents").key(key)).asByteArray();
            assertArrayEquals(first, stored);
        }
        byte[] second = as(user).get(ORDERS + "/" + id + "/invoice").then().statusCode(200).extract()
                .asByteArray();
        assertArrayEquals(first, second);
        as(UUID.randomUUID()).get(ORDERS + "/" + id + "/invoice").then().statusCode(404);
    }

    @Test
    void cancellingAConfirmedOrderTellsProductToRelease() throws Exception {
        UUID user = UUID.randomUUID();
        String id = place(user, item("A", 1, "1"));
        answer(id, user, InventoryEvent.Type.STOCK_RESERVED, null);
        awaitStatus(user, id, "CONFIRMED");
        as(user).post(ORDERS + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        JsonNode event = json.readTree(kafka.await(v -> v.contains(id) && v.contains("ORDER_CANCELLED"), WAIT)
                .value());
        assertEquals("Cancelled by the customer.", event.get("reason").asText());
    }

    @Test
    void anOrderNobodyAnswersExpiresAndReleasesWhateverWasReserved() throws Exception {
        UUID user = UUID.randomUUID();
        String id = place(user, item("A", 1, "1"));
        awaitStatus(user, id, "REJECTED");
        as(user).get(ORDERS + "/" + id).then().body("reason", containsString("expired"));
        kafka.await(v -> v.contains(id) && v.contains("ORDER_CANCELLED"), WAIT);
    }

    private InventoryEvent answer(String orderId, UUID user, InventoryEvent.Type type, String reason)
            throws Exception {
        InventoryEvent event = InventoryEvent.of(type, UUID.fromString(orderId), user, reason);
        send(event);
        return event;
    }

    private void send(InventoryEvent event) throws Exception {
        kafka.send(Topics.INVENTORY_EVENTS, event.orderId().toString(), json.writeValueAsString(event));
    }

    private static void awaitStatus(UUID user, String orderId, String status) {
        await("status of order " + orderId).atMost(WAIT).until(
                () -> as(user).get(ORDERS + "/" + orderId).then().statusCode(200).extract().<String>path("status"),
                equalTo(status));
    }

    private static S3Client documents() {
        return S3Server.client(TestPlatform.s3Endpoint(Domain.ORDER));
    }
}
