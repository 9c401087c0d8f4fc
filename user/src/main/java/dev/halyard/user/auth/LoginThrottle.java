package dev.halyard.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Slows password guessing: after {@code maxFailedLogins} failures for one email within the window, attempts are
 * refused until the window has passed. Counted per email whether or not the account exists, so the answers do
 * not reveal which emails are registered. Per replica: N replicas allow at most N times the attempts.
 */
@Singleton
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    @Inject
    LoginThrottle(AuthConfig config) {
        this(config.maxFailedLogins(), config.throttleWindow(), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code email} must wait before trying again, if it is throttled now. */
    public Optional<Duration> blockedFor(String email) {
        Failures f = failures.get(email);
        Instant now = clock.instant();
        if (f == null || f.count < maxFailures || f.windowEnd.isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.windowEnd));
    }

    public void failed(String email) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.windowEnd.isBefore(now));
        }
        failures.compute(email, (key, f) -> f == null || f.windowEnd.isBefore(now)
                ? new Failures(1, now.plus(window))
                : new Failures(f.count + 1, f.count + 1 >= maxFailures ? now.plus(window) : f.windowEnd));
    }

    public void succeeded(String email) {
        failures.remove(email);
    }

    private record Failures(int count, Instant windowEnd) {
    }
}
