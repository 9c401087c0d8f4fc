package dev.halyard.product;

import static dev.halyard.product.Api.PRODUCTS;
import static dev.halyard.product.Api.asAdmin;
import static dev.halyard.product.Api.create;
import static dev.halyard.product.Api.newId;
import static dev.halyard.product.Api.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProductApiTest {

    @Test
    void createsAndReadsAProductInSnakeCase() {
        String id = newId("TEST");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("product_id", id, "name", "Test Product", "stock", 100, "price", 10000,
                        "description", "As in seed 004", "category", "books"))
                .post(PRODUCTS)
                .then().statusCode(201)
                .header("Location", endsWith(PRODUCTS + "/" + id))
                .body("product_id", equalTo(id))
                .body("name", equalTo("Test Product"))
                .body("stock", equalTo(100))
                .body("price", equalTo(10000.00f))
                .body("category", equalTo("books"))
                .body("created_at", notNullValue())
                .body("image_url", nullValue());

        given().get(PRODUCTS + "/" + id)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("product_id", equalTo(id))
                .body("description", equalTo("As in seed 004"))
                .body("stock", equalTo(100));
    }

    @Test
    void duplicateIdIsAConflict() {
        String id = create("toys", 5, "9.99");
        asAdmin().contentType(ContentType.JSON).body(product(id, "toys", 7, "1.00"))
                .post(PRODUCTS)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://halyard.dev/problems/conflict"))
                .body("status", equalTo(409))
                .body("detail", containsString(id));
        given().get(PRODUCTS + "/" + id).then().body("stock", equalTo(5));
    }

    @Test
    void unknownProductIsNotFoundAsProblem() {
        given().get(PRODUCTS + "/NOPE-404")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Resource not found"))
                .body("instance", equalTo(PRODUCTS + "/NOPE-404"))
                .body("correlation_id", notNullValue());
    }

    @Test
    void unknownRouteIsNotFoundAsProblem() {
        given().get("/products/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().get(PRODUCTS + "/has space")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void missingFieldsAreListed() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("product_id", newId("X")))
                .post(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://halyard.dev/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("name", "price", "stock"));
    }

    @Test
    void negativeAndOutOfRangeValuesAreRejected() {
        Map<String, Object> body = new HashMap<>(product(newId("NEG"), "toys", 1, "1"));
        body.put("price", -1);
        body.put("stock", -5);
        asAdmin().contentType(ContentType.JSON).body(body).post(PRODUCTS)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("price", "stock"));

        body.put("price", new BigDecimal("1.001"));
        body.put("stock", 1);
        asAdmin().contentType(ContentType.JSON).body(body).post(PRODUCTS)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("price"));

        Map<String, Object> badId = new HashMap<>(product("bad id!", "toys", 1, "1"));
        asAdmin().contentType(ContentType.JSON).body(badId).post(PRODUCTS)
                .then().statusCode(400).body("errors.field", hasItem("product_id"));
    }

    @Test
    void wrongTypesNameTheField() {
        String id = newId("TYPE");
        asAdmin().contentType(ContentType.JSON)
                .body("{\"product_id\":\"" + id + "\",\"name\":\"n\",\"price\":\"abc\",\"stock\":1}")
                .post(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("price"));
        asAdmin().contentType(ContentType.JSON)
                .body("{\"product_id\":\"" + id + "\",\"name\":\"n\",\"price\":1,\"stock\":1.5}")
                .post(PRODUCTS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("stock"));
        asAdmin().contentType(ContentType.JSON)
                .body("{\"product_id\":\"" + id + "\",\"name\":\"n\",\"price\":1,\"stock\":\"12\"}")
                .post(PRODUCTS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("stock"));
        given().get(PRODUCTS + "/" + id).then().statusCode(404);
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() {
        asAdmin().contentType(ContentType.JSON).body("{\"product_id\": \"A1\", \"name\": ")
                .post(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://halyard.dev/problems/malformed-request"))
                .body("detail", not(containsString("jackson")))
                .body("detail", not(containsString("Exception")));
        asAdmin().contentType(ContentType.JSON).body("")
                .post(PRODUCTS)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        asAdmin().contentType(ContentType.TEXT).body("product_id=A1")
                .post(PRODUCTS)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void oversizedBodyIsRejectedBeforeReading() {
        String huge = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        asAdmin().contentType(ContentType.JSON).body(huge)
                .post(PRODUCTS)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://halyard.dev/problems/payload-too-large"));
    }

    @Test
    void listsByCategoryWithPagesAndTotal() {
        String category = "cat-" + newId("c").toLowerCase();
        for (int i = 0; i < 5; i++) {
            create(category, i, "2.50");
        }
        create("other-" + category, 1, "1");
        given().queryParam("category", category).queryParam("page", 0).queryParam("size", 2)
                .get(PRODUCTS)
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items.category", everyItem(equalTo(category)));
        given().queryParam("category", category).queryParam("page", 2).queryParam("size", 2)
                .get(PRODUCTS)
                .then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(5));
    }

    @Test
    void badPagingIsABadRequest() {
        given().queryParam("size", 0).get(PRODUCTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("size", 1000).get(PRODUCTS).then().statusCode(400);
        given().queryParam("page", -1).get(PRODUCTS).then().statusCode(400);
        given().queryParam("page", "abc").get(PRODUCTS).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("category", "Bad Category!").get(PRODUCTS).then().statusCode(400);
    }

    @Test
    void putReplacesAndPatchChangesOnlyWhatIsGiven() {
        String id = create("garden", 10, "5.00");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Rake", "price", 12.5, "stock", 3, "category", "tools"))
                .put(PRODUCTS + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Rake")).body("stock", equalTo(3)).body("category", equalTo("tools"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("price", 15))
                .patch(PRODUCTS + "/" + id)
                .then().statusCode(200)
                .body("price", equalTo(15.00f)).body("name", equalTo("Rake")).body("stock", equalTo(3));

        asAdmin().contentType(ContentType.JSON).body(Map.of("stock", -1))
                .patch(PRODUCTS + "/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("stock"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "   "))
                .patch(PRODUCTS + "/" + id)
                .then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Rake"))
                .put(PRODUCTS + "/" + id)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("price", "stock"));

        given().get(PRODUCTS + "/" + id).then().body("stock", equalTo(3)).body("price", equalTo(15.00f));
        asAdmin().contentType(ContentType.JSON).body(Map.of("price", 1))
                .patch(PRODUCTS + "/UNKNOWN-1")
                .then().statusCode(404);
    }

    @Test
    void aMergePatchNullRemovesAnOptionalFieldAndIsRefusedForARequiredOne() {
        String category = "merge-" + System.nanoTime();
        String id = create(category, 10, "5.00");
        given().queryParam("category", category).get(PRODUCTS).then().body("total", equalTo(1));
        asAdmin().contentType("application/merge-patch+json").body("{\"category\": null, \"stock\": 4.0}")
                .patch(PRODUCTS + "/" + id)
                .then().statusCode(200)
                .body("category", nullValue()).body("stock", equalTo(4)).body("name", notNullValue());
        given().queryParam("category", category).get(PRODUCTS).then().body("total", equalTo(0));

        for (String removed : new String[]{"name", "price", "stock"}) {
            asAdmin().contentType("application/merge-patch+json").body("{\"" + removed + "\": null}")
                    .patch(PRODUCTS + "/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(removed));
        }
        asAdmin().contentType(ContentType.JSON).body("{\"stock\": 2.5}")
                .patch(PRODUCTS + "/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("stock"));
        given().get(PRODUCTS + "/" + id).then().body("stock", equalTo(4)).body("price", equalTo(5.00f));
    }

    @Test
    void allowNamesWhatEachPathAnswersNotTheWholeResourceClass() {
        given().options(PRODUCTS).then().statusCode(200).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().options(PRODUCTS + "/TEST001").then().header("Allow", equalTo("GET, HEAD, OPTIONS, PATCH, PUT"));
        given().delete(PRODUCTS + "/TEST001")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PATCH, PUT"));
        // an empty value is not an absent parameter: refused, not read as "no filter" or "the default page"
        given().queryParam("category", "").get(PRODUCTS).then().statusCode(400).body("errors[0].field",
                equalTo("category"));
        given().queryParam("page", "").get(PRODUCTS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void responsesCarryACorrelationIdAndKeepAValidIncomingOne() {
        given().header("X-Request-Id", "trace-abc-12345").get(PRODUCTS + "/NOPE-1")
                .then().statusCode(404)
                .header("X-Request-Id", equalTo("trace-abc-12345"))
                .body("correlation_id", equalTo("trace-abc-12345"));
        given().header("X-Request-Id", "bad id with spaces").get(PRODUCTS + "/NOPE-1")
                .then().statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }
}
