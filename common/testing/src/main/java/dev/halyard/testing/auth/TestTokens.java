package dev.halyard.testing.auth;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/** Tokens as the user service issues them, signed by the test JVM's key, plus the forged kinds attacks use. */
public final class TestTokens {

    /** The issuer every service is configured to accept. */
    public static final String ISSUER = "https://halyard.dev/users";

    private final SigningKeys keys;

    public TestTokens(SigningKeys keys) {
        this.keys = keys;
    }

    /** Tokens signed with the key of this test JVM's shared backing services. */
    public static TestTokens shared() {
        return new TestTokens(SigningKeys.in(dev.halyard.testing.BackingServices.sharedBase().resolve("keys")));
    }

    public String customer(UUID userId) {
        return sign(userId, "customer", Instant.now().plus(Duration.ofMinutes(15)), keys.privateKey());
    }

    public String admin(UUID userId) {
        return sign(userId, "admin", Instant.now().plus(Duration.ofMinutes(15)), keys.privateKey());
    }

    /** Validly signed, expired ten minutes ago (well past any clock-skew allowance). */
    public String expired(UUID userId) {
        return sign(userId, "admin", Instant.now().minus(Duration.ofMinutes(10)), keys.privateKey());
    }

    /** A well-formed admin token signed by a key nobody trusts. */
    public String forged(UUID userId) {
        return sign(userId, "admin", Instant.now().plus(Duration.ofMinutes(15)), SigningKeys.untrusted().getPrivate());
    }

    /** A valid token with one character of its signature changed. */
    public String tampered(UUID userId) {
        return tamper(admin(userId));
    }

    /** {@code token} with one character of its signature changed. */
    public static String tamper(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    private static String sign(UUID userId, String role, Instant expiresAt, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .upn(userId.toString())
                .groups(Set.of(role))
                .issuedAt(expiresAt.minus(Duration.ofMinutes(15)))
                .expiresAt(expiresAt)
                .jws()
                .keyId("test")
                .sign(key);
    }
}
