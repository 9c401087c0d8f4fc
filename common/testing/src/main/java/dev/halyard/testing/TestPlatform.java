package dev.halyard.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What a test needs to reach the backing services and speak the services' JSON, without injection: the same code
 * serves a {@code @QuarkusTest} and the {@code @QuarkusIntegrationTest} that reruns it against the packaged
 * application (JVM or native), where nothing can be injected into the test.
 */
public final class TestPlatform {

    private TestPlatform() {
    }

    /** The Kafka bootstrap servers the service of {@code domain} uses in this test JVM. */
    public static String kafkaBootstrap(Domain domain) {
        return config(domain).get("kafka.bootstrap.servers");
    }

    /** The S3 endpoint the service of {@code domain} uses in this test JVM. */
    public static String s3Endpoint(Domain domain) {
        return config(domain).get("quarkus.s3.endpoint-override");
    }

    /** The service's configuration (database, S3, broker, keys) as the test resource gave it. */
    public static Map<String, String> config(Domain domain) {
        return PlatformTestResource.config(domain, true);
    }

    /** A mapper that writes and reads event records as the services do: snake_case names, ISO-8601 instants. */
    public static ObjectMapper json() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
