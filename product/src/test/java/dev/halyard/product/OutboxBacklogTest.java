package dev.halyard.product;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.halyard.common.events.Topics;
import dev.halyard.common.messaging.Outbox;

/**
 * A backlog of several of the relay's batches, written in one transaction and announced once, goes out without
 * waiting for the relay's poll: product's answers to one poll of 500 orders are such a backlog, and they used to
 * drain one batch per poll interval. The poll is an hour here, so only the relay's own follow-up runs can move the
 * rows after the first batch. Not rerun as an IT: it calls a bean.
 */
@QuarkusTest
@TestProfile(OutboxBacklogTest.HourlyPoll.class)
class OutboxBacklogTest {

    /** Five of the relay's batches of 200. */
    private static final int ROWS = 1000;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    /** The relay's timer as good as off: after its first run a second after start, it would next run in an hour. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("halyard.outbox.poll-interval-ms", "3600000");
        }
    }

    @Test
    void aBacklogOfSeveralBatchesIsPublishedAfterOneWake() {
        String run = UUID.randomUUID().toString();
        List<Outbox.Entry> entries = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            entries.add(new Outbox.Entry(Topics.INVENTORY_EVENTS, run + "-" + i, Map.of("n", i), null));
        }
        pool.withTransaction(connection -> outbox.addAll(connection, entries)).await().atMost(Duration.ofSeconds(10));
        outbox.wake();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertEquals(
                ROWS, published(run), "rows of the backlog published after one wake, with no poll to help"));
    }

    private long published(String run) {
        return pool.preparedQuery("select count(*) from outbox where message_key like $1 and published_at is not null")
                .execute(Tuple.of(run + "-%")).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
