package dev.halyard.testing.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.halyard.testing.Domain;
import dev.halyard.testing.Ports;

/**
 * {@code ./halyard figures [--native]}: starts the platform with fresh data on free ports, measures each service's
 * time from process start to ready and its resident memory at ready, and the whole platform's time to ready, then
 * stops it. Prints a Markdown table and, as its last line, the path of a JSON file with the same figures. The CI's
 * native job runs it on an ARM runner with {@code --native}.
 */
public final class Figures {

    private Figures() {
    }

    public static void main(String[] args) throws Exception {
        boolean nativeExecutables = List.of(args).contains("--native");
        Path root = Path.of(System.getProperty("halyard.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve(".halyard/figures");
        LocalPlatform.deleteTree(work);
        Map<Domain, Integer> ports = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            ports.put(domain, Ports.free());
        }
        Platform.Settings settings = new Platform.Settings(root, work.resolve("data"), work.resolve("logs"), 0, 0,
                ports, false, "admin@figures.local", "Fig-" + UUID.randomUUID(), false, nativeExecutables);

        long began = System.nanoTime();
        // keyed by service name, in start order: the JSON's startup_ms and rss_mb
        Map<String, Long> startup = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        double readySeconds;
        List<Domain> domains;
        try (Platform platform = Platform.start(settings)) {
            readySeconds = (System.nanoTime() - began) / 1e9;
            domains = platform.domains();
            for (Domain domain : domains) {
                startup.put(domain.id(), platform.service(domain).startupMillis());
                rss.put(domain.id(), Math.round(platform.service(domain).rssMib() * 10) / 10.0);
            }
        }
        if (domains.isEmpty()) {
            System.err
                    .println("no service is built" + (nativeExecutables ? " natively (./mvnw package -Pnative)" : ""));
            System.exit(1);
        }

        String artifact = nativeExecutables ? "native" : "jvm";
        String machine = System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + System.getProperty("java.version");
        System.out.println("| service | artifact | start to ready (ms) | RSS at ready (MiB) |");
        System.out.println("|---|---|---|---|");
        for (String service : startup.keySet()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f |%n", service, artifact, startup.get(service),
                    rss.get(service));
        }
        System.out.printf(Locale.ROOT, "%nPlatform (PostgreSQL, Kafka, S3 and %d services) ready in %.1f s on %s.%n%n",
                domains.size(), readySeconds, machine);

        Path json = work.resolve("figures.json");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("artifact", artifact);
        figures.put("machine", machine);
        figures.put("startup_ms", startup);
        figures.put("rss_mb", rss);
        figures.put("platform_ready_s", Math.round(readySeconds * 100) / 100.0);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), figures);
        System.out.println(json);
        // the in-JVM Kafka broker leaves non-daemon threads behind after close
        System.exit(0);
    }
}
