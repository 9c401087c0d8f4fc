package dev.halyard.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * Runs the readiness checks once in the background as the service starts. Their first run opens the first
 * database connections, code the JIT has not compiled yet; without this the first readiness probe waits for that,
 * and so does the pod's first turn in the load balancer. What the checks find here does not matter: a dependency
 * that is down is the probes' business. The bucket's check is a wellness check and is not warmed: the S3 client's
 * first call is the first upload or download's, so that its 0.1–0.2 s stays off the start.
 */
@ApplicationScoped
class ReadinessWarmup {

    private static final Logger LOG = Logger.getLogger(ReadinessWarmup.class);

    void onStart(@Observes StartupEvent event, SmallRyeHealthReporter reporter) {
        reporter.getReadinessAsync().subscribe().with(
                health -> LOG.debugf("Readiness at start: %s", health.isDown() ? "DOWN" : "UP"),
                failure -> LOG.debugf(failure, "Readiness at start failed"));
    }
}
