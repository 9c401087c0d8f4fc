package dev.halyard.common.messaging;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The gauge {@code halyard_outbox_backlog}: events written but not yet on Kafka. It grows while the broker is away
 * and is the first sign of a stuck relay (alert and dashboard in the charts).
 */
@ApplicationScoped
@IfBuildProperty(name = "halyard.outbox.enabled", stringValue = "true")
public class OutboxBacklog {

    private final Pool pool;
    private final AtomicLong backlog = new AtomicLong();

    OutboxBacklog(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("halyard.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events not yet published to Kafka")
                .register(registry);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return pool.query("select count(*) from outbox where published_at is null").execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong(0)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
