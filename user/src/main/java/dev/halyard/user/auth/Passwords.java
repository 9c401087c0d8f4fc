package dev.halyard.user.auth;

import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Password policy and bcrypt hashing. Hashing is deliberately slow, so it runs on a worker thread, never on the
 * event loop, and resumes on the caller's context.
 */
@Singleton
public class Passwords {

    private static final int COST = 10;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Vertx vertx;
    /** Compared against when an email is unknown, so a miss costs as long as a wrong password. */
    private final String decoyHash = BcryptUtil.bcryptHash("halyard-decoy-password", COST);

    Passwords(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Why {@code password} is not acceptable for {@code email}, or empty when it is. */
    public static Optional<String> violation(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return Optional.of("must contain at least one letter and one digit");
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
            boolean match = BcryptUtil.matches(password, hash == null ? decoyHash : hash);
            return hash != null && match;
        }), false);
    }
}
