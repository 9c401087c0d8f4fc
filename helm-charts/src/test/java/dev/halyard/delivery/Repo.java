package dev.halyard.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Where things are: the repository, the charts, the checkers (installed by .ci/tools) and the offline schemas. */
final class Repo {

    static final List<String> SERVICES = List.of("order", "product", "user");
    /** Values files of a chart folder that people own (with ci/): the environments and JVM mode, not generated. */
    static final List<String> OVERLAYS = List.of("values-dev.yaml", "values-prod.yaml", "values-jvm.yaml");
    /** true rewrites the committed charts from the generator (the same switch as the OpenAPI documents). */
    static final boolean UPDATE = Boolean.getBoolean("halyard.contracts.update");

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("halyard.root", "..")).toAbsolutePath().normalize();
    }

    static Path chart(String service) {
        return root().resolve("helm-charts").resolve(service);
    }

    static Path argocd() {
        return root().resolve("argocd");
    }

    static Path target() {
        return root().resolve("helm-charts/target");
    }

    /** A checker at its pinned version, installed on first use into a cache outside the repository. */
    static Path tool(String name) {
        Run run = Run.of(root(), List.of(root().resolve(".ci/tools").toString(), "path", name), 3600);
        if (run.exit() != 0) {
            throw new IllegalStateException(".ci/tools could not install " + name + ":\n" + run.output());
        }
        String[] lines = run.output().strip().split("\n");
        return Path.of(lines[lines.length - 1].strip());
    }

    /**
     * kubeconform's schema locations: the offline mirror (HALYARD_SCHEMAS, or shared/schemas beside the repository or
     * beside the checkout it was cloned from locally), otherwise the public locations it mirrors.
     */
    static List<String> schemaLocations() {
        return offlineSchemas().map(offline -> List.of(
                offline + "/k8s/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json",
                offline + "/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"))
                .orElse(List.of("default",
                        "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"));
    }

    private static Optional<Path> offlineSchemas() {
        String configured = System.getenv("HALYARD_SCHEMAS");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        List<Path> checkouts = new ArrayList<>(List.of(root()));
        Run origin = Run.of(root(), List.of("git", "config", "--get", "remote.origin.url"), 30);
        if (origin.exit() == 0 && origin.output().strip().startsWith("/")) {
            checkouts.add(Path.of(origin.output().strip()).normalize());
        }
        return checkouts.stream().map(checkout -> checkout.resolveSibling("shared/schemas"))
                .filter(Files::isDirectory).findFirst();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML mapper of every test: charts, values, manifests, workflows. */
    static final YAMLMapper YAML = new YAMLMapper();

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the files of {@code from} that {@code include} accepts to {@code to}, emptied first. */
    static void copyTree(Path from, Path to, Predicate<Path> include) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (Path file : files(from, "")) {
                if (include.test(file)) {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished process: exit code and its merged output. */
    record Run(int exit, String output) {

        static Run of(Path dir, List<String> command, long timeoutSeconds) {
            return of(dir, command, Map.of(), timeoutSeconds);
        }

        /** Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment. */
        static Run of(Path dir, List<String> command, Map<String, String> env, long timeoutSeconds) {
            try {
                Path log = Files.createTempFile("run", ".log");
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + command);
                }
                String output = Files.readString(log);
                Files.delete(log);
                return new Run(process.exitValue(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
