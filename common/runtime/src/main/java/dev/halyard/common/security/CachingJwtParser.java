package dev.halyard.common.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokens} in front of smallrye-jwt's parser, which Quarkus calls with every bearer token (on a
 * worker for a token not known yet, inline for a known one: {@link KnownTokenIdentityProvider}); everything else the
 * parser does is left as it is.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class CachingJwtParser implements JWTParser {

    @Inject
    VerifiedTokens verified;

    @Inject
    @Delegate
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verified(token, delegate::parse);
    }
}
