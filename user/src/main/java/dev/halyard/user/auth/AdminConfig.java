package dev.halyard.user.auth;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The first administrator, created at start when both values are set and no account has the email yet
 * (environment: {@code HALYARD_ADMIN_EMAIL}, {@code HALYARD_ADMIN_PASSWORD}).
 */
@ConfigMapping(prefix = "halyard.admin")
public interface AdminConfig {

    /** Email of the administrator account. */
    Optional<String> email();

    /** Its initial password; must satisfy the password policy. */
    Optional<String> password();
}
