package dev.halyard.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OrderSagaTest} against the packaged application: the JVM jar in the test command, the native executable in CI. */
@QuarkusIntegrationTest
class OrderSagaIT extends OrderSagaTest {
}
