package dev.halyard.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * What every service answers to operations, whatever its domain: the seed's health route, readiness on the
 * database with the bucket as wellness, Prometheus metrics with latency histograms, Swagger UI, and the committed
 * OpenAPI contract. A service's {@code @QuarkusTest} subclass names its domain.
 */
public abstract class OperationsContract {

    /** The domain of the service under test. */
    protected abstract Domain domain();

    private String healthRoute() {
        return "/" + domain().id() + "s/api/v1/health";
    }

    @Test
    void seedHealthRouteReportsUp() {
        given().get(healthRoute())
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("service", equalTo(domain().id()));
    }

    @Test
    void anUndeclaredMethodIsRefusedNamingTheAllowedOnes() {
        // RFC 9110: a 405 carries Allow; the framework leaves it out, so the service supplies it
        given().request("TRACE", healthRoute())
                .then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().options(healthRoute()).then().statusCode(200).header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void readinessChecksTheDatabaseAndWellnessTheBucket() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                // an object-store outage must not take the service out of its load balancer
                .body("checks.name", not(hasItems("object-store")));
        given().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.find { it.name == 'object-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'object-store' }.data.bucket", equalTo(domain().bucket()));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposedWithLatencyHistograms() {
        given().get(healthRoute()).then().statusCode(200);
        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                // the SLO alerts, dashboards and blue-green analysis compute percentiles from these buckets
                .body(containsString("http_server_requests_seconds_bucket"))
                // and the database pool's wait and hold, to tell a tail queueing for a connection from PostgreSQL's
                .body(containsString("sql_pool_queue_delay_seconds_bucket"))
                .body(containsString("sql_pool_usage_seconds_bucket"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void openApiContractMatchesTheCommittedDocument() {
        String generated = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Contracts.assertMatchesCommitted(generated, Path.of("openapi.yaml"));
    }
}
