package dev.halyard.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at real backing services. Init args: {@code domain} (order, product, user) and
 * {@code kafka} (true to start a broker). The servers are started once per test JVM and shared by all test
 * classes, so {@link #stop()} leaves them running; a shutdown hook and the process reaper end them.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private Domain domain = Domain.PRODUCT;
    private boolean kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        domain = Domain.of(initArgs.getOrDefault("domain", "product"));
        kafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "false"));
    }

    @Override
    public Map<String, String> start() {
        return BackingServices.shared().config(domain, kafka);
    }

    @Override
    public void stop() {
        // shared across test classes: see class comment
    }
}
