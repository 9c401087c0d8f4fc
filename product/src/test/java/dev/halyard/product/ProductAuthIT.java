package dev.halyard.product;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ProductAuthTest} against the packaged application: the JVM jar in the test command, the native executable in CI. */
@QuarkusIntegrationTest
class ProductAuthIT extends ProductAuthTest {
}
