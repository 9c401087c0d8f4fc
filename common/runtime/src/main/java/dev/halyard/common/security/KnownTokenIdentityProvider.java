package dev.halyard.common.security;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;

/**
 * Answers a bearer token that was already verified ({@link VerifiedTokens}) on the thread that asks, ahead of
 * smallrye-jwt's own provider. That one runs on a worker thread whenever the verification key comes over HTTP (the
 * user service's JWKS, in every pod but user's), so each authenticated request went from the event loop to a worker
 * and back: two thread wake-ups per request, which at 80 % of order's maximum on two cores took a sixth of the
 * event loops' busy time, and a wait for a core each way. A token not known here is left to smallrye-jwt (a null
 * identity), which verifies it as before and, through {@link CachingJwtParser}, keeps it.
 */
@Singleton
public class KnownTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    // asked before smallrye-jwt's provider, which has the interface's default (SYSTEM_FIRST + 1)
    private static final int PRIORITY = SYSTEM_FIRST + 100;

    /*
     * A known token's parse is a cache hit (CachingJwtParser) that verifies nothing, so the "blocking" part of
     * smallrye-jwt's provider may run on the caller's thread.
     */
    private static final AuthenticationRequestContext INLINE = supplier -> Uni.createFrom().item(supplier);

    private final VerifiedTokens verified;
    private final MpJwtValidator smallryeJwt;

    KnownTokenIdentityProvider(VerifiedTokens verified, MpJwtValidator smallryeJwt) {
        this.verified = verified;
        this.smallryeJwt = smallryeJwt;
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
        boolean known = request.getToken() instanceof JsonWebTokenCredential
                && verified.known(request.getToken().getToken()) != null;
        if (!known) {
            return Uni.createFrom().nullItem();
        }
        // smallrye-jwt builds the identity itself, the one a worker would have built. A token that expires between
        // the lookup and this call is verified (and refused) on the caller's thread: rare, and answered the same.
        return smallryeJwt.authenticate(request, INLINE);
    }
}
