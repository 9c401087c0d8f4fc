package dev.halyard.order;

import static dev.halyard.order.Checkout.ORDERS;
import static dev.halyard.order.Checkout.as;
import static dev.halyard.order.Checkout.item;
import static dev.halyard.order.Checkout.place;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.halyard.common.messaging.MessageRetention;

/** With no broker reachable, checkout still works: the event waits in the outbox until Kafka is back. */
@QuarkusTest
@TestProfile(KafkaDownTest.NoBroker.class)
class KafkaDownTest {

    @Inject
    MessageRetention retention;

    @Inject
    DataSource database;

    /** Points every Kafka client at a port where nothing listens. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    @Test
    void ordersAreAcceptedAndTheirEventsWaitInTheOutbox() throws Exception {
        assertEquals("127.0.0.1:1", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "this test needs the broker to be unreachable");
        UUID user = UUID.randomUUID();
        String id = place(user, item("A", 1, "1"));
        as(user).get(ORDERS + "/" + id).then().statusCode(200).body("status", equalTo("PENDING"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/orders/api/v1/health").then().statusCode(200).body("status", equalTo("UP"));

        Thread.sleep(1500); // several relay rounds, each failing to reach the broker
        assertEquals(1, unpublishedEventsFor(id), "the event is kept, not lost or marked sent");

        // however long the broker stays away, the retention job never deletes an event that was not sent
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement("update outbox set created_at = now() - interval '30 days'"
                        + " where message_key = ? and published_at is null returning id")) {
            ps.setString(1, id);
            long row;
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                row = rs.getLong(1);
            }
            retention.deleteDue().await().indefinitely();
            assertEquals(1, Rows.count(c, "select count(*) from outbox where id = ?::bigint", row),
                    "an unsent event outlives the outbox's retention");
        }
    }

    private int unpublishedEventsFor(String orderId) throws Exception {
        try (Connection c = database.getConnection()) {
            return Rows.count(c, "select count(*) from outbox where message_key = ? and published_at is null",
                    orderId);
        }
    }
}
