package dev.halyard.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-22T10:00:00Z").getEpochSecond());
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(3, now::get);

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() throws Exception {
        VerifiedTokens.Verifier verifier = expiringIn(Duration.ofMinutes(15));
        JsonWebToken first = tokens.verified("a.b.c", verifier);
        advance(Duration.ofMinutes(14));
        assertSame(first, tokens.verified("a.b.c", verifier));
        assertEquals(1, verifications.get());
        advance(Duration.ofMinutes(1));
        tokens.verified("a.b.c", verifier);
        assertEquals(2, verifications.get(), "verified again once expired");
    }

    @Test
    void aTokenThatFailsIsNeverKept() {
        VerifiedTokens.Verifier refuses = token -> {
            verifications.incrementAndGet();
            throw new ParseException("bad signature");
        };
        assertThrows(ParseException.class, () -> tokens.verified("a.b.c", refuses));
        assertThrows(ParseException.class, () -> tokens.verified("a.b.c", refuses));
        assertEquals(2, verifications.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void oneChangedCharacterIsAnotherToken() throws Exception {
        VerifiedTokens.Verifier verifier = expiringIn(Duration.ofMinutes(15));
        tokens.verified("a.b.c", verifier);
        tokens.verified("a.b.d", verifier);
        assertEquals(2, verifications.get());
    }

    @Test
    void aTokenAcceptedWithinTheClockSkewIsCheckedOnEveryUse() throws Exception {
        VerifiedTokens.Verifier verifier = expiringIn(Duration.ofSeconds(-30));
        tokens.verified("a.b.c", verifier);
        tokens.verified("a.b.c", verifier);
        assertEquals(2, verifications.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void neverHoldsMoreThanItsCapacity() throws Exception {
        tokens.verified("t1", expiringIn(Duration.ofMinutes(1)));
        tokens.verified("t2", expiringIn(Duration.ofMinutes(15)));
        tokens.verified("t3", expiringIn(Duration.ofMinutes(15)));
        advance(Duration.ofMinutes(2));
        tokens.verified("t4", expiringIn(Duration.ofMinutes(15)));
        assertEquals(3, tokens.size(), "the expired t1 made room");
        tokens.verified("t5", expiringIn(Duration.ofMinutes(15)));
        assertTrue(tokens.size() <= 3, "full of live tokens: started again");
    }

    private void advance(Duration by) {
        now.addAndGet(by.toSeconds());
    }

    private VerifiedTokens.Verifier expiringIn(Duration life) {
        return token -> {
            verifications.incrementAndGet();
            return new ClaimsOnly(now.get() + life.toSeconds(), Set.of());
        };
    }
}
