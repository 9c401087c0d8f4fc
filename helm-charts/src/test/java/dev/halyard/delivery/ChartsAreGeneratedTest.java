package dev.halyard.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The committed charts are exactly what the build generates: no hand edit can drift from the code. */
class ChartsAreGeneratedTest {

    static final List<String> SERVICES = Repo.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void committedChartIsTheGeneratedOne(String service) throws IOException {
        Map<String, String> expected = ChartAssembly.expected(service);
        Path chart = Repo.chart(service);
        List<String> stale = new ArrayList<>();
        for (Path file : Repo.files(chart, "")) {
            String name = chart.relativize(file).toString();
            if (!expected.containsKey(name) && !Repo.OVERLAYS.contains(name) && !name.startsWith("ci/")) {
                stale.add(name);
            }
        }
        if (Repo.UPDATE) {
            expected.forEach((name, content) -> Repo.write(chart.resolve(name), content));
            for (String name : stale) {
                Files.delete(chart.resolve(name));
            }
            Files.createDirectories(chart.resolve("charts"));
            return;
        }
        assertTrue(stale.isEmpty(), "files the generator does not produce: " + stale);
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path committed = chart.resolve(file.getKey());
            assertTrue(Files.isRegularFile(committed), committed + " is missing; run ./mvnw verify "
                    + "-Dhalyard.contracts.update=true and commit helm-charts/");
            assertEquals(file.getValue(), Repo.read(committed), committed + " differs from the generated chart; "
                    + "change the service's configuration or common/helm, then regenerate with "
                    + "-Dhalyard.contracts.update=true");
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyValueIsDocumented(String service) {
        List<String> missing = ChartAssembly.undocumented(ChartAssembly.expected(service).get("values.yaml"));
        assertEquals(List.of(), missing, "describe these in common/helm/values.yaml with a '# --' comment");
    }

    /**
     * A chart whose content changed since the base (HALYARD_CHART_BASE, e.g. origin/main in a pull request; HEAD by
     * default) carries a new version. The environment overlays are not the chart: CI changes their image tag.
     */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void changedChartHasANewVersion(String service) {
        String base = System.getenv().getOrDefault("HALYARD_CHART_BASE", "HEAD");
        String folder = "helm-charts/" + service;
        Repo.Run before = git("show", base + ":" + folder + "/Chart.yaml");
        if (before.exit() != 0) {
            return; // a new chart: any version is new
        }
        Repo.Run diff = git("diff", "--name-only", base, "--", folder, ":(exclude)" + folder + "/values-dev.yaml",
                ":(exclude)" + folder + "/values-prod.yaml");
        assertEquals(0, diff.exit(), diff.output());
        if (diff.output().isBlank()) {
            return;
        }
        assertNotEquals(version(before.output()), version(Repo.read(Repo.chart(service).resolve("Chart.yaml"))),
                folder + " changed (" + diff.output().strip().replace('\n', ' ')
                        + "): bump quarkus.helm.version in " + service + "/src/main/resources/application.properties");
    }

    private static String version(String chartYaml) {
        Matcher m = Pattern.compile("(?m)^version: (.+)$").matcher(chartYaml);
        return m.find() ? m.group(1).strip() : "";
    }

    private static Repo.Run git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return Repo.Run.of(Repo.root(), command, 60);
    }
}
