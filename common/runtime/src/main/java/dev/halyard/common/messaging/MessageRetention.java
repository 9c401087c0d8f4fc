package dev.halyard.common.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes what the outbox and the inbox no longer need, so that their tables do not grow with every order for
 * ever: outbox rows published longer ago than {@code halyard.retention.outbox} and inbox entries older than
 * {@code halyard.retention.inbox}. It deletes in batches of {@value #BATCH} rows, each a transaction of its own, so
 * the first run on a large table holds no lock for long. Replicas may run it side by side: one waits for the other's
 * batch and finds its rows gone. Unsent rows, which the relay locks while it tries Kafka, never match, so the job
 * never waits for the relay.
 */
@ApplicationScoped
public class MessageRetention {

    static final int BATCH = 5_000;

    private static final Logger LOG = Logger.getLogger(MessageRetention.class);
    // oldest first along the primary key: ids grow with time, so a batch is found at the start of the index
    private static final String OUTBOX = """
            delete from outbox where id in (select id from outbox where published_at < $1 order by id limit $2)""";
    private static final String INBOX = """
            delete from processed_event where event_id in (select event_id from processed_event
                where processed_at < $1 limit $2)""";

    private final Pool pool;
    private final RetentionConfig config;
    private final boolean outbox;

    MessageRetention(Pool pool, RetentionConfig config,
            @ConfigProperty(name = "halyard.outbox.enabled", defaultValue = "false") boolean outbox) {
        this.pool = pool;
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * Rows deleted by one run.
     *
     * @param outbox published outbox rows
     * @param inbox inbox entries
     */
    public record Deleted(long outbox, long inbox) {
    }

    @Scheduled(every = "${halyard.retention.interval:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return deleteDue()
                .invoke(deleted -> {
                    if (deleted.outbox() + deleted.inbox() > 0) {
                        LOG.infof("Deleted %d published outbox rows and %d inbox entries past their retention",
                                deleted.outbox(), deleted.inbox());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Outbox and inbox retention failed, will retry: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes every row past its retention, batch after batch until none is left. */
    public Uni<Deleted> deleteDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Uni<Long> outboxRows = outbox ? deleteAll(OUTBOX, now.minus(config.outbox())) : Uni.createFrom().item(0L);
        return outboxRows.flatMap(o -> deleteAll(INBOX, now.minus(config.inbox())).map(i -> new Deleted(o, i)));
    }

    private Uni<Long> deleteAll(String sql, OffsetDateTime cutoff) {
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery(sql).execute(Tuple.of(cutoff, BATCH)).map(rows -> rows.rowCount()))
                .whilst(deleted -> deleted == BATCH)
                .collect().with(Collectors.summingLong(Integer::longValue));
    }
}
