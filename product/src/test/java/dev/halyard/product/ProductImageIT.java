package dev.halyard.product;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ProductImageTest} against the packaged application: the JVM jar in the test command, the native executable in CI. */
@QuarkusIntegrationTest
class ProductImageIT extends ProductImageTest {
}
