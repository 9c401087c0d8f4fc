package dev.halyard.user.auth;

import java.util.Set;

import jakarta.inject.Singleton;

import io.smallrye.jwt.build.Jwt;

import dev.halyard.user.domain.User;

/** Issues the RS256 access tokens every Halyard service accepts: user id as subject, role as group. */
@Singleton
public class TokenIssuer {

    private final AuthConfig config;
    private final SigningKey key;

    TokenIssuer(AuthConfig config, SigningKey key) {
        this.config = config;
        this.key = key;
    }

    public IssuedToken issue(User user) {
        long lifetime = config.tokenLifetime().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .subject(user.userId.toString())
                .upn(user.email)
                .groups(Set.of(user.role))
                .expiresIn(lifetime)
                .jws()
                .keyId(key.keyId())
                .sign(key.privateKey());
        return new IssuedToken(token, lifetime);
    }

    /**
     * A signed token.
     *
     * @param token the compact JWS
     * @param expiresIn seconds until it expires
     */
    public record IssuedToken(String token, long expiresIn) {
    }
}
