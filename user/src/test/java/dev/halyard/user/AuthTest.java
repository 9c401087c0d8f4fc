package dev.halyard.user;

import static dev.halyard.user.Accounts.PASSWORD;
import static dev.halyard.user.Accounts.TOKEN;
import static dev.halyard.user.Accounts.USERS;
import static dev.halyard.user.Accounts.login;
import static dev.halyard.user.Accounts.newEmail;
import static dev.halyard.user.Accounts.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.halyard.testing.auth.TestTokens;

@QuarkusTest
class AuthTest {

    private static final TestTokens FORGERY = TestTokens.shared();

    @Test
    void loginIssuesAnRs256TokenVerifiableWithThePublishedJwks() throws Exception {
        String email = register(newEmail());
        JsonPath response = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .post(TOKEN)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .extract().jsonPath();
        String token = response.getString("access_token");
        String[] parts = token.split("\\.");
        JsonPath header = new JsonPath(new String(Base64.getUrlDecoder().decode(parts[0])));
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(parts[1])));
        assertEquals("RS256", header.getString("alg"));
        assertEquals("https://halyard.dev/users", claims.getString("iss"));
        assertEquals(List.of("customer"), claims.getList("groups"));

        String userId = given().auth().oauth2(token).get(USERS + "/me")
                .then().statusCode(200).body("email", equalTo(email)).extract().path("user_id");
        assertEquals(userId, claims.getString("sub"));

        JsonPath jwks = given().get("/users/api/v1/.well-known/jwks.json")
                .then().statusCode(200).body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].kid", equalTo(header.getString("kid")))
                .extract().jsonPath();
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwks.getString("keys[0].n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwks.getString("keys[0].e")))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes());
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies with the JWKS key");
        assertFalse(jwks.prettify().contains("\"d\""), "no private part published");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = register(newEmail());
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "Wrong-Password-1"))
                .post(TOKEN).then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String unknownEmail = given().contentType(ContentType.JSON)
                .body(Map.of("email", newEmail(), "password", "Wrong-Password-1"))
                .post(TOKEN).then().statusCode(401).extract().path("detail");
        assertEquals(wrongPassword, unknownEmail);
    }

    @Test
    void repeatedFailuresThrottleTheAccountOnly() {
        String email = register(newEmail());
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "Guess-Number-" + i))
                    .post(TOKEN).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "Guess-Number-6"))
                .post(TOKEN)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // while throttled, even the right password is refused: guessing cannot be confirmed
        given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .post(TOKEN).then().statusCode(429);
        String other = register(newEmail());
        login(other, PASSWORD);
    }

    @Test
    void profileRoutesRejectMissingAndBadTokens() {
        UUID someone = UUID.randomUUID();
        given().get(USERS + "/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        for (String token : new String[]{FORGERY.expired(someone), FORGERY.tampered(someone),
                FORGERY.forged(someone), "abc.def.ghi"}) {
            given().auth().oauth2(token).get(USERS + "/me").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        // validly signed but for an account that does not exist
        given().auth().oauth2(FORGERY.customer(someone)).get(USERS + "/me").then().statusCode(404);
    }

    @Test
    void configuredAdministratorExistsAndCanLogIn() {
        Accounts.awaitReady();
        String token = login("root@halyard.test", "Admin-Password-1");
        given().auth().oauth2(token).get(USERS + "/me")
                .then().statusCode(200).body("role", equalTo("admin")).body("email", equalTo("root@halyard.test"));
    }

    @Test
    void loginValidatesItsInput() {
        given().contentType(ContentType.JSON).body(Map.of("email", "")).post(TOKEN)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("email=a").post(TOKEN).then().statusCode(415);
    }
}
