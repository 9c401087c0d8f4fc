package dev.halyard.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.jwt.auth.principal.JWTParser;

class KnownTokenIdentityProviderTest {

    /** The provider must answer on the caller's thread: asking for a worker fails the test. */
    private static final AuthenticationRequestContext NO_WORKER = supplier -> {
        throw new AssertionError("a known token went to a worker thread");
    };

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-24T10:00:00Z").getEpochSecond());
    private final VerifiedTokens verified = new VerifiedTokens(10, now::get);
    /** The parser as the services have it: known tokens from the cache, anything else would be verified. */
    private final JWTParser parser = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{JWTParser.class}, (proxy, method, args) -> {
                if (!method.getName().equals("parse") || args.length != 1) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return verified.verified((String) args[0], token -> {
                    throw new AssertionError("a known token was verified again");
                });
            });
    // smallrye-jwt's own provider as in order and product: the key comes over HTTP, so it would verify on a worker
    private final KnownTokenIdentityProvider provider = new KnownTokenIdentityProvider(verified,
            new MpJwtValidator(parser, null, "http://user/keys", null));

    @Test
    void aVerifiedTokenIsAnsweredWithItsIdentity() throws Exception {
        ClaimsOnly jwt = new ClaimsOnly(now.get() + 900, Set.of("customer"));
        verified.verified("a.b.c", token -> jwt);
        JsonWebTokenCredential credential = new JsonWebTokenCredential("a.b.c");

        SecurityIdentity identity = authenticate(credential);

        assertSame(jwt, identity.getPrincipal());
        assertEquals(Set.of("customer"), identity.getRoles());
        assertSame(credential, identity.getCredential(JsonWebTokenCredential.class));
        assertSame(jwt, identity.getAttribute("quarkus.user"));
    }

    @Test
    void anUnknownTokenIsLeftToSmallryeJwt() {
        assertNull(authenticate(new JsonWebTokenCredential("a.b.c")));
    }

    @Test
    void anExpiredTokenIsLeftToSmallryeJwt() throws Exception {
        verified.verified("a.b.c", token -> new ClaimsOnly(now.get() + 60, Set.of()));
        now.addAndGet(Duration.ofMinutes(1).toSeconds());
        assertNull(authenticate(new JsonWebTokenCredential("a.b.c")));
    }

    @Test
    void aTokenOfAnotherKindIsLeftToItsProvider() throws Exception {
        verified.verified("a.b.c", token -> new ClaimsOnly(now.get() + 900, Set.of()));
        assertNull(authenticate(new TokenCredential("a.b.c", "opaque")));
    }

    private SecurityIdentity authenticate(TokenCredential credential) {
        return provider.authenticate(new TokenAuthenticationRequest(credential), NO_WORKER).await()
                .atMost(Duration.ofSeconds(1));
    }
}
