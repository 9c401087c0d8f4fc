package dev.halyard.product;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ProductApiTest} against the packaged application: the JVM jar in the test command, the native executable in CI. */
@QuarkusIntegrationTest
class ProductApiIT extends ProductApiTest {
}
