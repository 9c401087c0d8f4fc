package dev.halyard.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The outbox's worker: publishes unpublished rows to Kafka in id order, waits for the broker's acknowledgement,
 * then marks them published. It runs when a transaction wrote rows ({@link OutboxWritten}) and on a short timer
 * for anything else (rows of another replica's crash, a broker that came back). While Kafka is unreachable rows
 * simply wait; nothing is lost, and a row may be published twice (at-least-once), which consumers absorb with
 * their {@link Inbox}. Rows are claimed with {@code for update skip locked}, so replicas can relay side by side.
 * Enabled per service with the build property {@code halyard.outbox.enabled=true} and the channel {@code outbox}.
 */
@IfBuildProperty(name = "halyard.outbox.enabled", stringValue = "true")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String NEXT_BATCH = """
            select * from outbox where published_at is null
            order by id limit 200 for update skip locked""";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final MutinyEmitter<String> kafka;
    private final Vertx vertx;
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Context root;
    private volatile long timer = -1;

    OutboxRelay(@Channel("outbox") MutinyEmitter<String> kafka, Vertx vertx,
            @ConfigProperty(name = "halyard.outbox.poll-interval-ms", defaultValue = "200") long intervalMillis) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.intervalMillis = intervalMillis;
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

    void onWritten(@Observes OutboxWritten written) {
        run();
    }

    /** Relays now; if a run is in progress, one more follows it, so freshly committed rows never wait. */
    void run() {
        Context context = root;
        if (context == null) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        // a fresh duplicated context of our own: Hibernate Reactive keeps its session there
        Context duplicate = VertxContext.createNewDuplicatedContext(context);
        VertxContextSafetyToggle.setContextSafe(duplicate, true);
        duplicate.runOnContext(ignored -> relay().subscribe().with(done -> finished(), failure -> finished()));
    }

    private void finished() {
        running.set(false);
        if (again.getAndSet(false)) {
            run();
        }
    }

    Uni<Void> relay() {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery(NEXT_BATCH, OutboxMessage.class).getResultList())
                .flatMap(this::publishAll))
                .onFailure().invoke(e -> LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> publishAll(List<OutboxMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // all of the batch in flight at once: the producer keeps send order per partition (idempotent, acks=all),
        // so one round trip to the broker instead of one per row; under load that was the saga's bottleneck
        return Uni.join().all(batch.stream().map(this::publish).toList()).andFailFast()
                .invoke(() -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    batch.forEach(m -> m.publishedAt = now);
                })
                .replaceWithVoid();
    }

    private Uni<Void> publish(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        if (message.traceParent != null) {
            headers.add("traceparent", message.traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.key)
                .withHeaders(headers)
                .build();
        return kafka.sendMessage(Message.of(message.payload).addMetadata(metadata))
                .ifNoItem().after(ACK_TIMEOUT).fail();
    }
}
