package dev.halyard.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.halyard.testing.Contracts;

@QuarkusTest
class OperationsTest {

    @Test
    void seedStyleHealthRouteReportsUp() {
        given().get("/orders/api/v1/health")
                .then().statusCode(200).body("status", equalTo("UP")).body("service", equalTo("order"));
    }

    @Test
    void readinessChecksDatabaseAndBucket() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItems("object-store"))
                .body("checks.find { it.name == 'object-store' }.data.bucket", equalTo("halyard-order-documents"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/orders/api/v1/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiContractMatchesTheCommittedDocument() {
        String generated = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Contracts.assertMatchesCommitted(generated, Path.of("openapi.yaml"));
    }
}
