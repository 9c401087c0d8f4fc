package dev.halyard.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at real backing services. Init args: {@code domain} (order, product, user) and
 * {@code kafka} (true to start a broker). The servers are started once per test JVM and shared by all test
 * classes, so {@link #stop()} leaves them running; a shutdown hook and the process reaper end them.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    /** Interned, hence one lock object for the whole JVM whatever the class loader. */
    private static final String LOCK = "halyard.testing.platform-test-resource";

    private Domain domain = Domain.PRODUCT;
    private boolean kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        domain = Domain.of(initArgs.getOrDefault("domain", "product"));
        kafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "false"));
    }

    /**
     * Quarkus starts test resources again, in a new class loader, for every test profile; statics are per class
     * loader. So the first start writes the configuration next to the servers' files (a directory of this JVM's
     * own) and later starts read it back instead of starting a second set of servers.
     */
    @Override
    public Map<String, String> start() {
        return config(domain, kafka);
    }

    /**
     * The configuration a service of {@code domain} gets in this test JVM, starting the servers if no test resource
     * has yet. A {@code @QuarkusIntegrationTest} reads it to reach the same broker and buckets as the packaged
     * service it drives.
     */
    public static Map<String, String> config(Domain domain, boolean kafka) {
        synchronized (LOCK.intern()) {
            Path cached = BackingServices.sharedBase()
                    .resolve("quarkus-" + domain.id() + (kafka ? "-kafka" : "") + ".properties");
            if (Files.isRegularFile(cached)) {
                return read(cached);
            }
            Map<String, String> config = BackingServices.shared().config(domain, kafka);
            write(cached, config);
            return config;
        }
    }

    @Override
    public void stop() {
        // shared across test classes: see class comment
    }

    private static Map<String, String> read(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(key -> config.put(key, props.getProperty(key)));
        return config;
    }

    private static void write(Path file, Map<String, String> config) {
        Properties props = new Properties();
        props.putAll(config);
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "backing services of this test JVM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
