package dev.halyard.testing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import dev.halyard.testing.BackingServices;
import dev.halyard.testing.Domain;
import dev.halyard.testing.Ports;

/**
 * {@code ./halyard up}: PostgreSQL, Kafka and S3 with their data under {@code .halyard/data}, then every built
 * service as its own JVM, in the order their dependencies need (user first: it publishes the token keys). Ctrl-C
 * stops everything; a killed launcher is cleaned up by the process reaper.
 */
public final class LocalPlatform {

    private final Path root;
    private final Path data;
    private final Path logs;
    private final List<ServiceProcess> services = new ArrayList<>();
    private BackingServices backing;

    private LocalPlatform(Path root) {
        this.root = root;
        this.data = root.resolve(".halyard/data");
        this.logs = root.resolve(".halyard/logs");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("halyard.root", ".")).toAbsolutePath().normalize();
        LocalPlatform platform = new LocalPlatform(root);
        boolean fresh = List.of(args).contains("--fresh");
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "halyard-stop"));
        try {
            platform.start(fresh);
        } catch (RuntimeException e) {
            Progress.fail(e.getMessage());
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    private void start(boolean fresh) throws IOException {
        long began = System.nanoTime();
        List<Domain> domains = Stream.of(Domain.USER, Domain.PRODUCT, Domain.ORDER)
                .filter(d -> Files.isRegularFile(jar(d)))
                .toList();
        for (Domain domain : domains) {
            if (Ports.isOpen(domain.localPort())) {
                throw new IllegalStateException("port " + domain.localPort() + " is in use: is another "
                        + "./halyard up running? Stop it first.");
            }
        }
        if (fresh) {
            Progress.info("--fresh: deleting " + root.relativize(data));
            deleteTree(data);
        }
        Files.createDirectories(logs);

        Progress step = Progress.begin("PostgreSQL 17 and S3 (s3proxy)");
        backing = BackingServices.start(data, env("HALYARD_PG_PORT", 15432), env("HALYARD_S3_PORT", 19000), true);
        step.done("postgresql://127.0.0.1:" + backing.postgres().port() + ", " + backing.s3().endpoint());

        step = Progress.begin("Kafka (KRaft)");
        String bootstrap = backing.kafka().bootstrapServers();
        step.done(bootstrap);

        for (Domain domain : domains) {
            step = Progress.begin(domain.id() + " service");
            ServiceProcess service = ServiceProcess.start(domain, jar(domain), configFor(domain),
                    logs.resolve(domain.id() + ".log"));
            services.add(service);
            service.awaitReady(step);
            step.done("http://localhost:" + domain.localPort());
        }
        printSummary(domains, (System.nanoTime() - began) / 1_000_000_000.0);
    }

    private Map<String, String> configFor(Domain domain) throws IOException {
        Map<String, String> config = new LinkedHashMap<>(backing.config(domain, domain != Domain.USER));
        config.put("quarkus.http.port", Integer.toString(domain.localPort()));
        // local logs are read by people: plain text, not the JSON production ships to the log pipeline
        config.put("quarkus.log.console.json.enabled", "false");
        if (domain == Domain.USER) {
            config.put("halyard.admin.email", adminEmail());
            config.put("halyard.admin.password", adminPassword());
        } else {
            // as in production: other services verify tokens with the user service's published JWKS
            config.put("mp.jwt.verify.publickey.location",
                    "http://localhost:" + Domain.USER.localPort() + "/users/api/v1/.well-known/jwks.json");
        }
        if (domain == Domain.PRODUCT) {
            config.put("halyard.storage.public-base-url", "http://localhost:8081/products/api/v1/images");
        }
        return config;
    }

    private void printSummary(List<Domain> domains, double seconds) throws IOException {
        System.out.println();
        System.out.printf("Halyard is up in %.1f s. Ctrl-C stops everything.%n", seconds);
        for (Domain domain : domains) {
            String base = "http://localhost:" + domain.localPort();
            System.out.printf("  %-8s %s/%ss/api/v1   (Swagger UI %s/q/swagger-ui)%n", domain.id(), base,
                    domain.id(), base);
        }
        System.out.printf("  admin    %s / %s%n", adminEmail(), adminPassword());
        System.out.printf("  logs     %s%n", root.relativize(logs));
        System.out.printf("  data     %s  (./halyard up --fresh starts empty)%n", root.relativize(data));
    }

    private void stop() {
        List<ServiceProcess> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        if (backing != null) {
            backing.close();
        }
        System.out.println("Halyard stopped.");
    }

    private Path jar(Domain domain) {
        return root.resolve(domain.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private String adminEmail() {
        return System.getenv().getOrDefault("HALYARD_ADMIN_EMAIL", "admin@halyard.local");
    }

    /** HALYARD_ADMIN_PASSWORD, or one generated on the first run and kept with the data. */
    private String adminPassword() throws IOException {
        String fromEnv = System.getenv("HALYARD_ADMIN_PASSWORD");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = data.resolve("admin-password");
        if (!Files.isRegularFile(file)) {
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder("Hy-");
            for (int i = 0; i < 16; i++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Files.createDirectories(data);
            Files.writeString(file, password.toString());
        }
        return Files.readString(file).trim();
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
