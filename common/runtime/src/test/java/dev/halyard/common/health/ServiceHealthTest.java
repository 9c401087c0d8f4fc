package dev.halyard.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;

class ServiceHealthTest {

    @Test
    void aFailingCheckIsADownServiceNotAServerError() {
        Response response = report(Uni.createFrom().failure(new IllegalStateException("pool closed")));
        assertEquals(503, response.getStatus());
        assertEquals("DOWN", ((ServiceHealth.HealthStatus) response.getEntity()).status());
    }

    @Test
    void aCheckThatNeverAnswersIsADownServiceWithinTheProbeTimeout() {
        long started = System.nanoTime();
        Response response = report(Uni.createFrom().nothing());
        assertEquals(503, response.getStatus());
        assertEquals(3, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static Response report(Uni<SmallRyeHealth> readiness) {
        SmallRyeHealthReporter reporter = new SmallRyeHealthReporter() {
            @Override
            public Uni<SmallRyeHealth> getReadinessAsync() {
                return readiness;
            }
        };
        return new ServiceHealth(reporter, "order").report().await().atMost(Duration.ofSeconds(10));
    }
}
