package dev.halyard.testing.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

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
        ColdStart start = ColdStart.run(root, work, nativeExecutables);
        start.platform().close();
        Map<String, Long> startup = start.startupMs();
        if (startup.isEmpty()) {
            System.err
                    .println("no service is built" + (nativeExecutables ? " natively (./mvnw package -Pnative)" : ""));
            System.exit(1);
        }

        String artifact = nativeExecutables ? "native" : "jvm";
        String machine = Machine.describe();
        System.out.println("| service | artifact | start to ready (ms) | RSS at ready (MiB) |");
        System.out.println("|---|---|---|---|");
        for (String service : startup.keySet()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f |%n", service, artifact, startup.get(service),
                    start.rssMb().get(service));
        }
        System.out.printf(Locale.ROOT, "%nPlatform (PostgreSQL, Kafka, S3 and %d services) ready in %.1f s on %s.%n%n",
                startup.size(), start.platformReadySeconds(), machine);

        Path json = work.resolve("figures.json");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("artifact", artifact);
        figures.put("machine", machine);
        figures.put("startup_ms", startup);
        figures.put("rss_mb", start.rssMb());
        figures.put("platform_ready_s", start.platformReadySeconds());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), figures);
        System.out.println(json);
        // the in-JVM Kafka broker leaves non-daemon threads behind after close
        System.exit(0);
    }
}
