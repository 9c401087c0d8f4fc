package dev.halyard.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.common.messaging.MessageRetention;

/** The outbox and the inbox forget what is past its retention (7 and 14 days) and keep everything else. */
@QuarkusTest
class RetentionTest {

    @Inject
    MessageRetention retention;

    @Inject
    DataSource database;

    @Test
    void publishedEventsAndAppliedIdsGoAfterTheirRetentionAndNothingYoungerDoes() throws SQLException {
        String run = UUID.randomUUID().toString();
        UUID oldEvent = UUID.randomUUID();
        UUID recentEvent = UUID.randomUUID();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(outboxRow(run + "-old", "8 days"));
            s.execute(outboxRow(run + "-recent", "1 hour"));
            s.execute(inboxRow("'" + oldEvent + "'::uuid", "15 days"));
            s.execute(inboxRow("'" + recentEvent + "'::uuid", "13 days"));
            // more than one batch of old ids: the job goes on until none is left
            s.execute("insert into processed_event (event_id, processed_at)"
                    + " select gen_random_uuid(), now() - interval '20 days' from generate_series(1, 12000)");
        }

        retention.deleteDue().await().indefinitely();

        try (Connection c = database.getConnection()) {
            assertEquals(0, Rows.count(c, "select count(*) from outbox where message_key = ?", run + "-old"));
            assertEquals(1, Rows.count(c, "select count(*) from outbox where message_key = ?", run + "-recent"));
            assertEquals(0, Rows.count(c, "select count(*) from processed_event where event_id = ?::uuid", oldEvent));
            assertEquals(1,
                    Rows.count(c, "select count(*) from processed_event where event_id = ?::uuid", recentEvent));
            assertEquals(0,
                    Rows.count(c, "select count(*) from processed_event where processed_at < now() - ?::interval",
                            "14 days"));
        }
    }

    private static String outboxRow(String key, String age) {
        return "insert into outbox (topic, message_key, payload, created_at, published_at) values ('retention-test', '"
                + key + "', '{}', now() - interval '" + age + "', now() - interval '" + age + "')";
    }

    private static String inboxRow(String id, String age) {
        return "insert into processed_event (event_id, processed_at) values (" + id + ", now() - interval '" + age
                + "')";
    }
}
