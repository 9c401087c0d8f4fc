package dev.halyard.common.security;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token that was already verified ({@link VerifiedTokens}) on the thread that asks, ahead of
 * smallrye-jwt's own provider. That one runs on a worker thread whenever the verification key comes over HTTP (the
 * user service's JWKS, in every pod but user's), so each authenticated request went from the event loop to a worker
 * and back: two thread wake-ups per request, which at 80 % of order's maximum on two cores took a sixth of the
 * event loops' busy time, and a wait for a core each way. A token not known here is left to smallrye-jwt (a null identity), which
 * verifies it as before and, through {@link CachingJwtParser}, keeps it.
 */
@Singleton
public class KnownTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    // asked before smallrye-jwt's provider, which has the interface's default (SYSTEM_FIRST + 1)
    private static final int PRIORITY = SYSTEM_FIRST + 100;

    private final VerifiedTokens verified;

    KnownTokenIdentityProvider(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        JsonWebToken jwt = request.getToken() instanceof JsonWebTokenCredential
                ? verified.known(request.getToken().getToken())
                : null;
        if (jwt == null) {
            return Uni.createFrom().nullItem();
        }
        // the identity smallrye-jwt's MpJwtValidator builds for the same token
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(request.getToken())
                .addRoles(jwt.getGroups())
                .addAttribute("quarkus.user", jwt);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }
}
