package dev.halyard.user.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void blocksAfterTheLimitUntilTheWindowHasPassed() {
        throttle.failed("a@x");
        throttle.failed("a@x");
        assertTrue(throttle.blockedFor("a@x").isEmpty());
        throttle.failed("a@x");
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.blockedFor("a@x"));
        assertTrue(throttle.blockedFor("b@x").isEmpty(), "other accounts are not affected");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertTrue(throttle.blockedFor("a@x").isEmpty());
    }

    @Test
    void failuresOutsideTheWindowDoNotAccumulate() {
        throttle.failed("a@x");
        throttle.failed("a@x");
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("a@x");
        assertTrue(throttle.blockedFor("a@x").isEmpty());
    }

    @Test
    void successClearsFailures() {
        throttle.failed("a@x");
        throttle.failed("a@x");
        throttle.succeeded("a@x");
        throttle.failed("a@x");
        throttle.failed("a@x");
        assertTrue(throttle.blockedFor("a@x").isEmpty());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
