package dev.halyard.testing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.halyard.testing.Directories;
import dev.halyard.testing.Domain;
import dev.halyard.testing.Ports;

/**
 * One start of the whole platform from nothing (fresh data, free ports) and what it took: each service's time from
 * process start to ready and its resident memory at ready, and the platform's time to ready. What
 * {@code ./halyard figures} and {@code ./halyard bench} measure; the caller stops the platform.
 *
 * @param platform the running platform
 * @param startupMs per service (in start order): process start to the first ready answer
 * @param rssMb per service: resident memory when it became ready
 * @param platformReadySeconds from the first backing server's start to the last service's readiness
 */
public record ColdStart(Platform platform, Map<String, Long> startupMs, Map<String, Double> rssMb,
        double platformReadySeconds) {

    /** The administrator each cold start creates (fresh data on loopback ports, so a fixed password is fine). */
    public static final String ADMIN_EMAIL = "admin@bench.local";
    public static final String ADMIN_PASSWORD = "Bench-Admin-Password-1";

    /** Starts the platform under {@code work} (emptied first) with the packaged jars or native executables. */
    public static ColdStart run(Path root, Path work, boolean nativeExecutables) {
        try {
            Directories.deleteTree(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Domain, Integer> ports = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            ports.put(domain, Ports.free());
        }
        Platform.Settings settings = new Platform.Settings(root, work.resolve("data"), work.resolve("logs"), 0, 0,
                ports, false, ADMIN_EMAIL, ADMIN_PASSWORD, false, nativeExecutables);
        long began = System.nanoTime();
        Platform platform = Platform.start(settings);
        double ready = (System.nanoTime() - began) / 1e9;
        Map<String, Long> startup = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        for (Domain domain : platform.domains()) {
            startup.put(domain.id(), platform.startupMillis(domain));
            rss.put(domain.id(), round(platform.rssMib(domain)));
        }
        return new ColdStart(platform, startup, rss, Math.round(ready * 100) / 100.0);
    }

    private static double round(double mib) {
        return Math.round(mib * 10) / 10.0;
    }
}
