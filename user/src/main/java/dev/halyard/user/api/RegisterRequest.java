package dev.halyard.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.halyard.user.auth.Passwords;

/**
 * Body of {@code POST /users}. The password policy (length in characters, not containing the email) is checked
 * by the service and reported on the {@code password} field; the schema states the length for API clients.
 *
 * @param email the login, unique regardless of case
 * @param password 10 to 128 characters, not containing the email
 * @param name display name
 */
public record RegisterRequest(
        @NotNull @Size(max = 254) @Pattern(regexp = RegisterRequest.EMAIL, message = "must be an email address") String email,
        @NotNull @Schema(minLength = Passwords.MIN_LENGTH, maxLength = Passwords.MAX_LENGTH) String password,
        @NotBlank @Size(max = 100) String name) {

    /**
     * A valid email address as HTML defines it for {@code <input type="email">} (WHATWG), the rule browsers
     * already hold users to. One regular expression serves Bean Validation and the published schema, so both
     * agree on every value; JSON Schema's {@code format: email} would leave the choice to each validator.
     */
    static final String EMAIL = "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";
}
