package dev.halyard.user.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /users}. The password policy (length, a letter and a digit, not the email) is checked by
 * the service and reported on the {@code password} field.
 *
 * @param email the login, unique regardless of case
 * @param password at least 10 characters with a letter and a digit
 * @param name display name
 */
public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(max = 128) String password,
        @NotBlank @Size(max = 100) String name) {
}
