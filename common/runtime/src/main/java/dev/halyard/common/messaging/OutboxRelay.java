package dev.halyard.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The outbox's worker: publishes unpublished rows to Kafka in id order, waits for the broker's acknowledgement,
 * then marks them published. While Kafka is unreachable rows simply wait; nothing is lost, and a row may be
 * published twice (at-least-once), which consumers absorb with their {@link Inbox}. Rows are claimed with
 * {@code for update skip locked}, so several replicas can relay side by side. Enabled per service with the build
 * property {@code halyard.outbox.enabled=true} and the outgoing channel {@code outbox}.
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

    OutboxRelay(@Channel("outbox") MutinyEmitter<String> kafka) {
        this.kafka = kafka;
    }

    @Scheduled(every = "${halyard.outbox.poll-interval:0.1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().last()
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
