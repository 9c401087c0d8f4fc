package dev.halyard.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/** helm lint --strict and helm template for every chart with every values file; wrong values are refused. */
class ChartLintTest {

    static List<Arguments> chartsAndValues() {
        List<Arguments> all = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            for (Path values : Rendered.valuesFiles(service)) {
                all.add(Arguments.of(service, Rendered.variant(values), values));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("chartsAndValues")
    void lintsStrictlyAndRenders(String service, String variant, Path values) {
        Path chart = values == null ? Repo.chart(service) : Rendered.withValues(Repo.chart(service), values);
        LintResult lint = new Helm(chart).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
        String manifests = Rendered.all().get(service + "/" + variant);
        assertTrue(manifests.contains("kind: Rollout"), "the chart renders its Rollout");
    }

    @Test
    void matrixCoversEveryEnvironmentAndTheJvm() {
        for (String service : Repo.SERVICES) {
            List<String> variants = Rendered.valuesFiles(service).stream().map(Rendered::variant).toList();
            assertTrue(variants.containsAll(List.of("defaults", "values-dev", "values-prod", "values-jvm")),
                    service + ": " + variants);
            assertTrue(variants.stream().anyMatch(v -> v.endsWith("-values")), service + " has ci/*-values.yaml");
        }
    }

    /** values.schema.json turns mistakes into a failed install instead of a broken pod. */
    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("wrongValues")
    void schemaRefusesWrongValues(String key, Object value) {
        Path chart = Repo.chart("product");
        var error = assertThrows(IllegalStateException.class,
                () -> new Helm(chart).template().withName("product").set(key, value).call());
        assertTrue(error.getMessage().contains("schema"), error.getMessage());
    }

    static List<Arguments> wrongValues() {
        return List.of(
                Arguments.of("image.tag", "latest"),
                Arguments.of("autoscaling.targetCPUUtilizationPercentage", 170),
                Arguments.of("autoscaling.minReplicas", 0),
                Arguments.of("rollout.autoPromotionEnabled", "sometimes"),
                Arguments.of("rollout.analysis.successRate", 2),
                Arguments.of("config.QUARKUS_DATASOURCE_PASSWORD", "hunter2"),
                Arguments.of("networkPolicy.databaseCidrs[0]", "everywhere"),
                Arguments.of("serviceAccount.roleArn", "admin"),
                Arguments.of("unknownKey", "x"));
    }
}
