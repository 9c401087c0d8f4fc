package dev.halyard.common.security;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokens} in front of smallrye-jwt's parser, which Quarkus calls with the bearer token of every
 * request; everything else the parser does is left as it is.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class CachingJwtParser implements JWTParser {

    // about 1,000 customers active in one pod within a token's 15 minutes; a miss only costs a verification
    private static final int CAPACITY = 1_000;

    private final VerifiedTokens verified = new VerifiedTokens(CAPACITY,
            () -> Instant.now().getEpochSecond());

    @Inject
    @Delegate
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verified(token, delegate::parse);
    }
}
