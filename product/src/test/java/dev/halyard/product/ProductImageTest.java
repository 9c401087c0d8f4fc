package dev.halyard.product;

import static dev.halyard.product.Api.PRODUCTS;
import static dev.halyard.product.Api.asAdmin;
import static dev.halyard.product.Api.asCustomer;
import static dev.halyard.product.Api.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.testing.Domain;
import dev.halyard.testing.Images;
import dev.halyard.testing.S3Server;
import dev.halyard.testing.TestPlatform;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

@QuarkusTest
class ProductImageTest {

    private static final String BASE = "http://localhost:8081/products/api/v1/images/";

    @Test
    void uploadedImageIsStoredInTheBucketAndServed() {
        String id = create("images", 1, "1");
        byte[] png = Images.png(32, 24);
        String url = asAdmin().contentType("image/png").body(png)
                .put(PRODUCTS + "/" + id + "/image")
                .then().statusCode(200)
                .body("image_url", matchesPattern("\\Q" + BASE + id + "/\\E[a-f0-9]{32}\\.png"))
                .extract().path("image_url");
        String key = url.substring(BASE.length());

        try (S3Client s3 = bucketClient()) {
            byte[] stored = s3.getObjectAsBytes(b -> b.bucket("halyard-product-images").key(key)).asByteArray();
            assertArrayEquals(png, stored);
        }
        byte[] served = given().get(PRODUCTS + "/" + id + "/image")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, served);
        byte[] viaCdnPath = given().get("/products/api/v1/images/" + key)
                .then().statusCode(200).header("Cache-Control", startsWith("public"))
                .extract().asByteArray();
        assertArrayEquals(png, viaCdnPath);
        given().get(PRODUCTS + "/" + id).then().body("image_url", equalTo(url));
    }

    @Test
    void replacingTheImageRemovesTheOldObject() {
        String id = create("images", 1, "1");
        String first = asAdmin().contentType("image/png").body(Images.png(8, 8))
                .put(PRODUCTS + "/" + id + "/image").then().statusCode(200).extract().path("image_url");
        byte[] jpeg = Images.jpeg(16, 16);
        asAdmin().contentType("image/jpeg").body(jpeg)
                .put(PRODUCTS + "/" + id + "/image").then().statusCode(200)
                .body("image_url", matchesPattern(".*\\.jpg"));
        try (S3Client s3 = bucketClient()) {
            assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(
                    b -> b.bucket("halyard-product-images").key(first.substring(BASE.length()))));
        }
        byte[] served = given().get(PRODUCTS + "/" + id + "/image")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(jpeg, served);
        asAdmin().contentType("image/webp").body(Images.webp())
                .put(PRODUCTS + "/" + id + "/image").then().statusCode(200)
                .body("image_url", matchesPattern(".*\\.webp"));
    }

    @Test
    void contentIsCheckedNotTrusted() {
        String id = create("images", 1, "1");
        asAdmin().contentType("image/png").body(Images.jpeg(8, 8))
                .put(PRODUCTS + "/" + id + "/image")
                .then().statusCode(422).contentType("application/problem+json");
        asAdmin().contentType("image/png").body("<svg onload=alert(1)>".getBytes())
                .put(PRODUCTS + "/" + id + "/image")
                .then().statusCode(422).contentType("application/problem+json");
        asAdmin().contentType("image/gif").body("GIF89a....".getBytes())
                .put(PRODUCTS + "/" + id + "/image")
                .then().statusCode(415).contentType("application/problem+json");
        asAdmin().contentType("image/png").body(new byte[0])
                .put(PRODUCTS + "/" + id + "/image")
                .then().statusCode(422);
        given().get(PRODUCTS + "/" + id).then().body("image_url", equalTo(null));
        given().get(PRODUCTS + "/" + id + "/image").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedImagesAreRejected() {
        String id = create("images", 1, "1");
        byte[] large = Images.largePng(1_300_000);
        asAdmin().contentType("image/png").body(large)
                .put(PRODUCTS + "/" + id + "/image")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsUploadAndUnknownProductsAreNotFound() {
        String id = create("images", 1, "1");
        asCustomer().contentType("image/png").body(Images.png(4, 4))
                .put(PRODUCTS + "/" + id + "/image").then().statusCode(403);
        given().contentType("image/png").body(Images.png(4, 4))
                .put(PRODUCTS + "/" + id + "/image").then().statusCode(401);
        asAdmin().contentType("image/png").body(Images.png(4, 4))
                .put(PRODUCTS + "/NO-SUCH-ID/image").then().statusCode(404);
        given().get("/products/api/v1/images/" + id + "/0123456789abcdef0123456789abcdef.png")
                .then().statusCode(404);
        given().get("/products/api/v1/images/..%2F..%2Fetc/passwd").then().statusCode(404);
        assertEquals(404, given().get(PRODUCTS + "/" + id + "/image").statusCode());
    }

    private static S3Client bucketClient() {
        return S3Server.client(TestPlatform.s3Endpoint(Domain.PRODUCT));
    }
}
