package dev.halyard.user;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RegistrationTest} against the packaged application: the JVM jar in the test command, the native executable in CI. */
@QuarkusIntegrationTest
class RegistrationIT extends RegistrationTest {
}
