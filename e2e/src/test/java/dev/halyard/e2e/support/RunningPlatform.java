package dev.halyard.e2e.support;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import dev.halyard.testing.Domain;
import dev.halyard.testing.Ports;
import dev.halyard.testing.local.Platform;

/**
 * The platform every end-to-end test class of this JVM shares: three service processes from their packaged jars,
 * real PostgreSQL, Kafka and S3. Started once (about 20 s), stopped when the JVM exits. A test that kills,
 * terminates or restarts something brings it back before it ends, in a {@code finally}.
 */
public final class RunningPlatform {

    public static final String ADMIN_EMAIL = "admin@e2e.test";
    public static final String ADMIN_PASSWORD = "E2e-Admin-Password-1";

    private static Platform platform;

    private RunningPlatform() {
    }

    public static synchronized Platform get() {
        if (platform == null) {
            Map<Domain, Integer> ports = new EnumMap<>(Domain.class);
            for (Domain domain : Domain.values()) {
                ports.put(domain, Ports.free());
            }
            Path work = root().resolve("e2e/target/platform");
            platform = Platform.start(new Platform.Settings(root(), work.resolve("data"), work.resolve("logs"), 0, 0,
                    ports, false, ADMIN_EMAIL, ADMIN_PASSWORD, false, false));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "halyard-e2e-platform-stop"));
        }
        return platform;
    }

    /** The repository (Surefire passes it), where the packaged services and the tools script are. */
    public static Path root() {
        return Path.of(System.getProperty("halyard.root", "..")).toAbsolutePath().normalize();
    }
}
