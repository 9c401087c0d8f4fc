package dev.halyard.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox's worker: publishes unpublished rows to Kafka in id order, waits for the broker's acknowledgement,
 * then marks them published. It runs {@code halyard.outbox.linger-ms} after a transaction wrote rows
 * ({@link OutboxWritten}), taking the rows committed meanwhile with them, and on a short timer for anything else
 * (rows of another replica's crash, a broker that came back). While Kafka is unreachable rows simply wait; nothing
 * is lost, and a row may be published twice (at-least-once), which consumers absorb with their {@link Inbox}. Rows
 * are claimed with {@code for update skip locked}, so replicas can relay side by side.
 * Enabled per service with the build property {@code halyard.outbox.enabled=true} and the channel {@code outbox}.
 */
@IfBuildProperty(name = "halyard.outbox.enabled", stringValue = "true")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Rows one run claims; a run that found this many runs again at once, since more may be waiting. */
    static final int BATCH = 200;
    private static final String NEXT_BATCH = """
            select id, topic, message_key, payload, trace_parent from outbox where published_at is null
            order by id limit %d for update skip locked""".formatted(BATCH);
    private static final String MARK_PUBLISHED = "update outbox set published_at = $1 where id = any($2)";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final MutinyEmitter<String> kafka;
    private final Pool pool;
    private final Vertx vertx;
    private final long intervalMillis;
    private final long lingerMillis;
    private final AtomicBoolean lingering = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Context root;
    private volatile long timer = -1;

    OutboxRelay(@Channel("outbox") MutinyEmitter<String> kafka, Pool pool, Vertx vertx,
            @ConfigProperty(name = "halyard.outbox.poll-interval-ms", defaultValue = "200") long intervalMillis,
            @ConfigProperty(name = "halyard.outbox.linger-ms", defaultValue = "10") long lingerMillis) {
        this.kafka = kafka;
        this.pool = pool;
        this.vertx = vertx;
        this.intervalMillis = intervalMillis;
        this.lingerMillis = lingerMillis;
    }

    void start(@Observes StartupEvent event) {
        root = vertx.getOrCreateContext();
        timer = vertx.setPeriodic(1000, intervalMillis, id -> run());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        root = null;
    }

    /**
     * A relay run costs a transaction of four round trips and a request to the broker however few rows it moves.
     * Run at once for every commit, each run moved one or two rows at a few hundred orders a second, and the two
     * cores were busy with such small units of work; waiting a few milliseconds lets one run take every row
     * committed meanwhile (README, Performance). {@link Vertx#setTimer} refuses a delay under 1 ms, hence 0 runs
     * at once.
     */
    void onWritten(@Observes OutboxWritten written) {
        if (lingerMillis <= 0) {
            run();
        } else if (lingering.compareAndSet(false, true)) {
            vertx.setTimer(lingerMillis, id -> {
                lingering.set(false);
                run();
            });
        }
    }

    /**
     * Relays now; if a run is in progress, one more follows it, so rows committed during a run are not left. A run
     * that moved a full batch is followed by another at once: the rows after it would otherwise wait for the next
     * write or the next poll, and a backlog left by a burst (product's answers to a poll of 500 orders) drained at
     * one batch per poll interval, 1,000 rows a second, with the machine two-thirds idle (docs/performance.md).
     */
    void run() {
        Context context = root;
        if (context == null) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        // a fresh duplicated context of our own, so nothing of a request's context (or its trace) leaks into it
        Context duplicate = VertxContext.createNewDuplicatedContext(context);
        VertxContextSafetyToggle.setContextSafe(duplicate, true);
        duplicate.runOnContext(ignored -> relay().subscribe().with(moved -> finished(moved == BATCH),
                failure -> finished(false)));
    }

    private void finished(boolean full) {
        running.set(false);
        if (again.getAndSet(false) || full) {
            run();
        }
    }

    /**
     * One batch in one transaction of two statements, with the SQL client rather than a Hibernate session: marking
     * each published row through an entity cost one UPDATE per row, and under checkout load the relay fell
     * thousands of rows behind. Returns how many rows it published: none when it failed, so a broker that is away
     * is retried at the poll interval rather than at once.
     */
    Uni<Integer> relay() {
        return pool.withTransaction(connection -> connection.query(NEXT_BATCH).execute()
                .flatMap(rows -> publishAll(connection, rows).replaceWith(rows.size())))
                .onFailure().invoke(e -> LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage()))
                .onFailure().recoverWithItem(0);
    }

    private Uni<Void> publishAll(SqlConnection connection, RowSet<Row> batch) {
        if (batch.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        List<Long> ids = new ArrayList<>(batch.size());
        List<Uni<Void>> sends = new ArrayList<>(batch.size());
        for (Row row : batch) {
            ids.add(row.getLong("id"));
            sends.add(publish(row.getString("topic"), row.getString("message_key"), row.getString("payload"),
                    row.getString("trace_parent")));
        }
        // all of the batch in flight at once: the producer keeps send order per partition (idempotent, acks=all),
        // so one round trip to the broker instead of one per row; under load that was the saga's bottleneck
        return Uni.join().all(sends).andFailFast()
                .chain(() -> connection.preparedQuery(MARK_PUBLISHED)
                        .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC), ids.toArray(Long[]::new))))
                .replaceWithVoid();
    }

    private Uni<Void> publish(String topic, String key, String payload, String traceParent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceParent != null) {
            headers.add("traceparent", traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build();
        return kafka.sendMessage(Message.of(payload).addMetadata(metadata))
                .ifNoItem().after(ACK_TIMEOUT).fail();
    }
}
