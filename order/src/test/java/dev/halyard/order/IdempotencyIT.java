package dev.halyard.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link IdempotencyTest} against the packaged application: the JVM jar in the test command, the native executable in CI. */
@QuarkusIntegrationTest
class IdempotencyIT extends IdempotencyTest {
}
