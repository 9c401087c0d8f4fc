package dev.halyard.user;

import static dev.halyard.user.Accounts.USERS;
import static dev.halyard.user.Accounts.newCustomerToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.halyard.testing.Images;

@QuarkusTest
class ProfileTest {

    @Test
    void ownerRenamesThemselves() {
        String token = newCustomerToken();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Lovelace"))
                .patch(USERS + "/me")
                .then().statusCode(200).body("name", equalTo("Lovelace"));
        given().auth().oauth2(token).get(USERS + "/me").then().body("name", equalTo("Lovelace"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", ""))
                .patch(USERS + "/me")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(101)))
                .patch(USERS + "/me")
                .then().statusCode(400);
    }

    @Test
    void avatarIsStoredAndReturnedToItsOwnerOnly() {
        String token = newCustomerToken();
        given().auth().oauth2(token).get(USERS + "/me/avatar").then().statusCode(404)
                .contentType("application/problem+json");
        byte[] png = Images.png(20, 20);
        given().auth().oauth2(token).contentType("image/png").body(png)
                .put(USERS + "/me/avatar")
                .then().statusCode(200).body("has_avatar", equalTo(true));
        byte[] served = given().auth().oauth2(token).get(USERS + "/me/avatar")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, served);

        String other = newCustomerToken();
        given().auth().oauth2(other).get(USERS + "/me/avatar").then().statusCode(404);
        given().get(USERS + "/me/avatar").then().statusCode(401);
    }

    @Test
    void avatarUploadsFollowTheImageRules() {
        String token = newCustomerToken();
        given().auth().oauth2(token).contentType("image/jpeg").body(Images.png(4, 4))
                .put(USERS + "/me/avatar").then().statusCode(422);
        given().auth().oauth2(token).contentType("application/pdf").body("%PDF-1.4".getBytes())
                .put(USERS + "/me/avatar").then().statusCode(415);
        given().auth().oauth2(token).contentType("image/png").body(Images.largePng(1_300_000))
                .put(USERS + "/me/avatar").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token).get(USERS + "/me").then().body("has_avatar", equalTo(false));
    }
}
