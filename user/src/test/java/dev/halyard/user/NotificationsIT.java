package dev.halyard.user;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link NotificationsTest} against the packaged application: the JVM jar in the test command, the native executable in CI. */
@QuarkusIntegrationTest
class NotificationsIT extends NotificationsTest {
}
