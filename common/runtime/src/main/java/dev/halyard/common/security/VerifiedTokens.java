package dev.halyard.common.security;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Tokens whose signature and claims were already verified, kept until they expire. A client sends the same token
 * with every request for its whole life (15 min), and checking an RS256 signature and parsing the claims again each
 * time was the largest single cost of a checkout. An entry is keyed by the whole token, so a changed character is a
 * different token, verified afresh; a token that fails verification is never kept. The price: a token signed by a
 * key the issuer has since withdrawn from its JWKS stays accepted here until it expires, as it would have been had
 * it been checked once by a gateway. One instance per service: the parser fills it ({@link CachingJwtParser}) and
 * answers from it, and {@link KnownTokenIdentityProvider} answers from it without leaving the event loop.
 */
@Singleton
final class VerifiedTokens {

    // about 1,000 customers active in one pod within a token's 15 minutes; a miss only costs a verification
    private static final int CAPACITY = 1_000;

    /** Verifies a token or throws; the parser's {@code parse}. */
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final int capacity;
    private final LongSupplier epochSecond;
    private final ConcurrentHashMap<String, JsonWebToken> tokens = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens() {
        this(CAPACITY, () -> Instant.now().getEpochSecond());
    }

    /** At most {@code capacity} tokens (a few KiB each); {@code epochSecond} is now, as a token's exp counts it. */
    VerifiedTokens(int capacity, LongSupplier epochSecond) {
        this.capacity = capacity;
        this.epochSecond = epochSecond;
    }

    /** The token as verified before if it has not expired since, else as {@code verifier} verifies it now. */
    JsonWebToken verified(String token, Verifier verifier) throws ParseException {
        JsonWebToken known = known(token);
        if (known != null) {
            return known;
        }
        long now = epochSecond.getAsLong();
        JsonWebToken verified = verifier.verify(token);
        if (verified.getExpirationTime() > now) {
            makeRoom(now);
            tokens.put(token, verified);
        } else {
            // accepted within the verifier's clock-skew allowance: checked again on every use, never kept
            tokens.remove(token);
        }
        return verified;
    }

    /** The token as verified before if it has not expired since; null if it must be verified. */
    JsonWebToken known(String token) {
        JsonWebToken known = tokens.get(token);
        return known != null && known.getExpirationTime() > epochSecond.getAsLong() ? known : null;
    }

    int size() {
        return tokens.size();
    }

    private void makeRoom(long now) {
        if (tokens.size() < capacity) {
            return;
        }
        tokens.values().removeIf(jwt -> jwt.getExpirationTime() <= now);
        if (tokens.size() >= capacity) {
            // more live tokens than room: start again rather than keep an LRU order on every request
            tokens.clear();
        }
    }
}
