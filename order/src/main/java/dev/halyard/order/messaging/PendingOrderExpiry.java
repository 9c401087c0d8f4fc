package dev.halyard.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import dev.halyard.order.domain.OrderSaga;

/** The scheduler process of seed 000: expires orders stuck in PENDING (see {@code halyard.order.*}). */
@ApplicationScoped
public class PendingOrderExpiry {

    private static final Logger LOG = Logger.getLogger(PendingOrderExpiry.class);

    private final OrderSaga saga;

    PendingOrderExpiry(OrderSaga saga) {
        this.saga = saga;
    }

    @Scheduled(every = "${halyard.order.expiry-check-interval:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return saga.expireStuckOrders()
                .onFailure().invoke(e -> LOG.warnf("Order expiry failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
