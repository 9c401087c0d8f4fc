package dev.halyard.user.auth;

import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Password policy and bcrypt hashing. The policy follows NIST SP 800-63B: a minimum length and no word from the
 * account itself, but no composition rules (they push people to predictable patterns and cannot be stated in
 * the API's JSON Schema). Hashing is deliberately slow, so it runs on a worker thread, never on the event loop,
 * and resumes on the caller's context.
 */
@Singleton
public class Passwords {

    static final int COST = 10;
    /**
     * Compared against when an email is unknown, so a miss costs as long as a wrong password: a bcrypt hash of the
     * same cost, of a random password nobody kept. A constant, because hashing one as the service started held every
     * start back (on main, before the first ready answer; issue 7).
     */
    static final String DECOY_HASH = "$2a$10$HerlqkzNio8ubLaqLxt3bepq35gIjnveavBvdWEKL0TSoh3BwBglW";
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Vertx vertx;

    Passwords(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Why {@code password} is not acceptable for {@code email}, or empty when it is. */
    public static Optional<String> violation(String password, String email) {
        // characters as people (and JSON Schema's minLength) count them: an emoji is one, not two UTF-16 units
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (email != null && password.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the email address");
        }
        return Optional.empty();
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, COST)), false);
    }

    /** Checks {@code password} against {@code hash}; a null hash (unknown account) never matches. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            boolean match = BcryptUtil.matches(password, hash == null ? DECOY_HASH : hash);
            return hash != null && match;
        }), false);
    }
}
