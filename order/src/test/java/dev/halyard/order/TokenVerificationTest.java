package dev.halyard.order;

import static dev.halyard.order.Checkout.ORDERS;
import static dev.halyard.order.Checkout.TOKENS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import dev.halyard.testing.auth.TestTokens;

/**
 * Verified tokens are kept (common's CachingJwtParser), keeping them lets no changed token through, and a kept token
 * is answered on the event loop (KnownTokenIdentityProvider).
 */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenIsVerifiedOnceAndTheSameTokenChangedIsRefused() throws Exception {
        UUID owner = UUID.randomUUID();
        String token = TOKENS.customer(owner);
        assertSame(parser.parse(token), parser.parse(token), "the second use is the first verification's");
        given().auth().oauth2(token).get(ORDERS).then().statusCode(200);

        String changed = TestTokens.tamper(token);
        assertThrows(ParseException.class, () -> parser.parse(changed));
        given().auth().oauth2(changed).get(ORDERS).then().statusCode(401);
        given().auth().oauth2(TOKENS.expired(owner)).get(ORDERS).then().statusCode(401);
    }

    @Test
    void aKnownTokenIsAnsweredOnTheEventLoopWithoutAWorker() {
        String token = TOKENS.customer(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(ORDERS).then().statusCode(200);
        }
        // verified on a worker for the first request, as in the pods, where the key comes over HTTP (see
        // BackingServices); the later two are answered from the kept token on the event loop, where smallrye-jwt
        // alone would have gone to a worker for each
        assertEquals(List.of(true, false, false), ParserCalls.onWorker(token));
    }
}
