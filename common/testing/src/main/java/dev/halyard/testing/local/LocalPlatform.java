package dev.halyard.testing.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.halyard.testing.Directories;
import dev.halyard.testing.Domain;
import dev.halyard.testing.Ports;

/**
 * {@code ./halyard up}: the {@link Platform} with its data under {@code .halyard/data} (kept between runs unless
 * {@code --fresh}) on fixed ports. Ctrl-C stops everything; a killed launcher is cleaned up by the process reaper.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("halyard.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".halyard/data");
        Path logs = root.resolve(".halyard/logs");
        Map<Domain, Integer> ports = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            ports.put(domain, domain.localPort());
            if (Ports.isOpen(domain.localPort())) {
                Progress.fail("port " + domain.localPort() + " is in use: is another ./halyard up running?");
                System.exit(1);
            }
        }
        if (List.of(args).contains("--fresh")) {
            Progress.info("--fresh: deleting " + root.relativize(data));
            Directories.deleteTree(data);
        }
        String adminEmail = System.getenv().getOrDefault("HALYARD_ADMIN_EMAIL", "admin@halyard.local");
        String adminPassword = adminPassword(data);
        Platform.Settings settings = new Platform.Settings(root, data, logs, env("HALYARD_PG_PORT", 15432),
                env("HALYARD_S3_PORT", 19000), ports, true, adminEmail, adminPassword, true, false);

        long began = System.nanoTime();
        Platform[] platform = new Platform[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (platform[0] != null) {
                platform[0].close();
            }
            System.out.println("Halyard stopped.");
        }, "halyard-stop"));
        try {
            platform[0] = Platform.start(settings);
        } catch (RuntimeException e) {
            Progress.fail(e.getMessage());
            System.exit(1);
        }
        printSummary(platform[0], root, data, logs, adminEmail, adminPassword,
                (System.nanoTime() - began) / 1_000_000_000.0);
        new CountDownLatch(1).await();
    }

    private static void printSummary(Platform platform, Path root, Path data, Path logs, String adminEmail,
            String adminPassword, double seconds) {
        System.out.println();
        System.out.printf("Halyard is up in %.1f s. Ctrl-C stops everything.%n", seconds);
        for (Domain domain : platform.domains()) {
            String base = platform.url(domain);
            System.out.printf("  %-8s %s/%ss/api/v1   (Swagger UI %s/q/swagger-ui)%n", domain.id(), base,
                    domain.id(), base);
        }
        System.out.printf("  kafka    %s%n", platform.backing().kafka().bootstrapServers());
        System.out.printf("  admin    %s / %s%n", adminEmail, adminPassword);
        System.out.printf("  logs     %s%n", root.relativize(logs));
        System.out.printf("  data     %s  (./halyard up --fresh starts empty)%n", root.relativize(data));
    }

    /** HALYARD_ADMIN_PASSWORD, or one generated on the first run and kept with the data. */
    private static String adminPassword(Path data) throws IOException {
        String fromEnv = System.getenv("HALYARD_ADMIN_PASSWORD");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = data.resolve("admin-password");
        if (!Files.isRegularFile(file)) {
            String letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
            String digits = "23456789";
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder("Hy-");
            for (int i = 0; i < 14; i++) {
                password.append(letters.charAt(random.nextInt(letters.length())));
            }
            // the password policy wants a digit; two random ones make sure of it
            for (int i = 0; i < 2; i++) {
                password.append(digits.charAt(random.nextInt(digits.length())));
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
}
