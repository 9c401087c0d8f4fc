package dev.halyard.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;

/**
 * Every chart rendered with every values file (the defaults, each environment overlay, each ci/*-values.yaml), once
 * per test JVM, into helm-charts/target/rendered/<service>/<values>.yaml for kubeconform and checkov.
 */
final class Rendered {

    static final String KUBE_VERSION = "1.33.6";
    private static Map<String, String> all;

    private Rendered() {
    }

    /** The values files a chart is tested with: null stands for the chart's own defaults. */
    static List<Path> valuesFiles(String service) {
        List<Path> files = new ArrayList<>();
        files.add(null);
        Path chart = Repo.chart(service);
        for (String overlay : Repo.OVERLAYS) {
            if (Files.isRegularFile(chart.resolve(overlay))) {
                files.add(chart.resolve(overlay));
            }
        }
        files.addAll(Repo.files(chart.resolve("ci"), "-values.yaml"));
        return files;
    }

    static String variant(Path valuesFile) {
        return valuesFile == null ? "defaults" : valuesFile.getFileName().toString().replace(".yaml", "");
    }

    /** Rendered manifests by "service/variant". */
    static synchronized Map<String, String> all() {
        if (all == null) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String service : Repo.SERVICES) {
                for (Path values : valuesFiles(service)) {
                    String manifests = template(Repo.chart(service), service, values);
                    Repo.write(Repo.target().resolve("rendered").resolve(service).resolve(variant(values) + ".yaml"),
                            manifests);
                    out.put(service + "/" + variant(values), manifests);
                }
            }
            all = out;
        }
        return all;
    }

    static String template(Path chart, String service, Path values) {
        var command = new Helm(chart).template().withName(service).withNamespace(service)
                .withKubeVersion(KUBE_VERSION);
        if (values != null) {
            command = command.withValuesFile(values);
        }
        return command.call();
    }

    /** The documents of {@code kind} in a rendered stream. */
    static Stream<JsonNode> ofKind(String manifests, String kind) {
        return documents(manifests).stream().filter(doc -> doc.path("kind").asText().equals(kind));
    }

    /** The documents of a rendered stream, without empty ones. */
    static List<JsonNode> documents(String manifests) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            var parser = new YAMLFactory().createParser(manifests);
            for (var it = Repo.YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the chart whose values.yaml is the defaults merged with an overlay: helm lint has no values-file
     * option in helm-java, and this is what {@code helm lint -f overlay} checks.
     */
    static Path withValues(Path chart, Path overlay) {
        try {
            Path copy = Files.createTempDirectory(Repo.target(), "lint-");
            Repo.copyTree(chart, copy, file -> true);
            ObjectNode merged = (ObjectNode) Repo.YAML.readTree(chart.resolve("values.yaml").toFile());
            ObjectNode extra = (ObjectNode) Repo.YAML.readTree(overlay.toFile());
            merge(merged, extra);
            Files.writeString(copy.resolve("values.yaml"), Repo.YAML.writeValueAsString(merged));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(field -> {
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }

    static Map<String, Object> map(JsonNode node) {
        return new ObjectMapper().convertValue(node, new TypeReference<>() {
        });
    }
}
