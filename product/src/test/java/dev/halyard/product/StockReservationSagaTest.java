package dev.halyard.product;

import static dev.halyard.product.Api.PRODUCTS;
import static dev.halyard.product.Api.create;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.common.events.OrderEvent;
import dev.halyard.common.events.OrderLine;
import dev.halyard.common.events.Topics;
import dev.halyard.testing.Domain;
import dev.halyard.testing.KafkaProbe;
import dev.halyard.testing.TestPlatform;

/** Product's side of the saga, driven through the real broker as the order service would. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockReservationSagaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper json = TestPlatform.json();

    private KafkaProbe kafka;

    @BeforeAll
    void connect() {
        kafka = new KafkaProbe(TestPlatform.kafkaBootstrap(Domain.PRODUCT), Topics.INVENTORY_EVENTS);
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void reservesEveryLineAtOnceAndAnswersOnInventoryEvents() throws Exception {
        String a = create("saga", 10, "5.00");
        String b = create("saga", 3, "2.50");
        UUID order = UUID.randomUUID();
        place(order, line(a, 2, "5.00"), line(b, 3, "2.50"));

        JsonNode answer = answerFor(order, "STOCK_RESERVED");
        assertEquals(order.toString(), answer.get("order_id").asText());
        assertEquals(8, stock(a));
        assertEquals(0, stock(b));
    }

    @Test
    void rejectsTheWholeOrderWhenOneLineCannotBeServed() throws Exception {
        String a = create("saga", 10, "5.00");
        String b = create("saga", 1, "2.50");
        UUID order = UUID.randomUUID();
        place(order, line(a, 2, "5.00"), line(b, 2, "2.50"));

        JsonNode answer = answerFor(order, "STOCK_REJECTED");
        assertTrue(answer.get("reason").asText().contains("Not enough stock for product " + b));
        assertEquals(10, stock(a), "nothing reserved for a rejected order");
        assertEquals(1, stock(b));

        UUID priced = UUID.randomUUID();
        place(priced, line(a, 1, "4.99"));
        assertTrue(answerFor(priced, "STOCK_REJECTED").get("reason").asText().contains("price"));
        UUID missing = UUID.randomUUID();
        place(missing, line("NO-SUCH-PRODUCT", 1, "1.00"));
        assertTrue(answerFor(missing, "STOCK_REJECTED").get("reason").asText().contains("does not exist"));
        assertEquals(10, stock(a));
    }

    @Test
    void aProductOnSeveralLinesNeedsTheirSum() throws Exception {
        String a = create("saga", 5, "1.00");
        UUID tooMany = UUID.randomUUID();
        place(tooMany, line(a, 3, "1.00"), line(a, 3, "1.00"));
        assertTrue(answerFor(tooMany, "STOCK_REJECTED").get("reason").asText()
                .contains("5 left, 6 ordered"));
        assertEquals(5, stock(a));

        UUID fits = UUID.randomUUID();
        place(fits, line(a, 2, "1.00"), line(a, 3, "1.00"));
        answerFor(fits, "STOCK_RESERVED");
        assertEquals(0, stock(a));
        send(OrderEvent.cancelled(fits, UUID.randomUUID(), "changed my mind"));
        answerFor(fits, "STOCK_RELEASED");
        assertEquals(5, stock(a), "the release gives back the sum, once");
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() throws Exception {
        String a = create("saga", 10, "1.00");
        UUID order = UUID.randomUUID();
        OrderEvent placed = OrderEvent.placed(order, UUID.randomUUID(), List.of(line(a, 4, "1.00")),
                new BigDecimal("4.00"));
        send(placed);
        answerFor(order, "STOCK_RESERVED");
        send(placed);
        // a later event on the same partition proves the duplicate was consumed before we look
        UUID marker = UUID.randomUUID();
        kafka.send(Topics.ORDER_EVENTS, order.toString(), json.writeValueAsString(OrderEvent.placed(marker,
                UUID.randomUUID(), List.of(line(a, 1, "1.00")), BigDecimal.ONE)));
        answerFor(marker, "STOCK_RESERVED");
        assertEquals(5, stock(a), "10 - 4 (once) - 1 (marker)");
        assertEquals(1, kafka.all(v -> v.contains(order.toString()), Duration.ofMillis(500)).size());
    }

    @Test
    void cancellationReleasesReservedStockExactlyOnce() throws Exception {
        String a = create("saga", 6, "3.00");
        UUID order = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        send(OrderEvent.placed(order, user, List.of(line(a, 5, "3.00")), new BigDecimal("15.00")));
        answerFor(order, "STOCK_RESERVED");
        assertEquals(1, stock(a));

        send(OrderEvent.cancelled(order, user, "customer cancelled"));
        answerFor(order, "STOCK_RELEASED");
        assertEquals(6, stock(a));
        send(OrderEvent.cancelled(order, user, "cancelled again"));
        // a later event on the same partition proves the second cancellation was consumed before we look
        UUID marker = UUID.randomUUID();
        kafka.send(Topics.ORDER_EVENTS, order.toString(), json.writeValueAsString(OrderEvent.placed(marker,
                user, List.of(line("NO-SUCH-PRODUCT", 1, "1.00")), BigDecimal.ONE)));
        answerFor(marker, "STOCK_REJECTED");
        assertEquals(6, stock(a), "released once");
        assertEquals(1, kafka.all(v -> v.contains(order.toString()) && v.contains("STOCK_RELEASED"),
                Duration.ofMillis(500)).size());
    }

    @Test
    void aCancellationThatArrivesFirstBlocksTheReservation() throws Exception {
        String a = create("saga", 4, "1.00");
        UUID order = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        send(OrderEvent.cancelled(order, user, "expired"));
        send(OrderEvent.placed(order, user, List.of(line(a, 1, "1.00")), BigDecimal.ONE));
        answerFor(order, "STOCK_REJECTED");
        assertEquals(4, stock(a));
    }

    /**
     * Events sent back to back on one partition, so the service takes several in one poll and applies them in one
     * transaction: each must see what the ones before it did to the stock and the reservations.
     */
    @Test
    void aBurstOfEventsIsAppliedInOrderAsIfOneByOne() throws Exception {
        String a = create("saga", 5, "1.00");
        UUID user = UUID.randomUUID();
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        UUID o3 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        UUID o5 = UUID.randomUUID();
        OrderEvent first = OrderEvent.placed(o1, user, List.of(line(a, 2, "1.00")), new BigDecimal("2.00"));
        String partition = UUID.randomUUID().toString();
        for (OrderEvent event : List.of(
                first,
                OrderEvent.placed(o2, user, List.of(line(a, 2, "1.00")), new BigDecimal("2.00")),
                first,
                OrderEvent.placed(o3, user, List.of(line(a, 2, "1.00")), new BigDecimal("2.00")),
                OrderEvent.cancelled(o1, user, "customer cancelled"),
                OrderEvent.placed(o4, user, List.of(line(a, 3, "1.00")), new BigDecimal("3.00")),
                OrderEvent.cancelled(o5, user, "expired"),
                OrderEvent.placed(o5, user, List.of(line(a, 1, "1.00")), BigDecimal.ONE))) {
            kafka.send(Topics.ORDER_EVENTS, partition, json.writeValueAsString(event));
        }
        answerFor(o5, "STOCK_REJECTED");
        answerFor(o1, "STOCK_RELEASED");
        answerFor(o2, "STOCK_RESERVED");
        assertTrue(answerFor(o3, "STOCK_REJECTED").get("reason").asText().contains("1 left"));
        answerFor(o4, "STOCK_RESERVED");
        assertEquals(0, stock(a), "5 - 2 (o1) - 2 (o2) + 2 (o1 released) - 3 (o4)");
        assertEquals(1, kafka.all(v -> v.contains(o1.toString()) && v.contains("STOCK_RESERVED"),
                Duration.ofMillis(500)).size(), "the redelivered placement reserved nothing more");
    }

    @Test
    void unreadableRecordsAreSkippedWithoutBlockingThePartition() throws Exception {
        String a = create("saga", 2, "1.00");
        UUID order = UUID.randomUUID();
        kafka.send(Topics.ORDER_EVENTS, order.toString(), "{not json");
        kafka.send(Topics.ORDER_EVENTS, order.toString(), "{\"event_id\": 42}");
        place(order, line(a, 1, "1.00"));
        answerFor(order, "STOCK_RESERVED");
        assertEquals(1, stock(a));
    }

    private void place(UUID order, OrderLine... lines) throws Exception {
        BigDecimal total = List.of(lines).stream().map(l -> l.price().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        send(OrderEvent.placed(order, UUID.randomUUID(), List.of(lines), total));
    }

    private void send(OrderEvent event) throws Exception {
        kafka.send(Topics.ORDER_EVENTS, event.orderId().toString(), json.writeValueAsString(event));
    }

    private JsonNode answerFor(UUID order, String type) throws Exception {
        String value = kafka.await(v -> v.contains(order.toString()) && v.contains("\"" + type + "\""), WAIT)
                .value();
        JsonNode node = json.readTree(value);
        assertEquals(type, node.get("type").asText());
        return node;
    }

    private static OrderLine line(String productId, int quantity, String price) {
        return new OrderLine(productId, "Product " + productId, quantity, new BigDecimal(price));
    }

    private static int stock(String productId) {
        return given().get(PRODUCTS + "/" + productId).then().statusCode(200).extract().path("stock");
    }
}
