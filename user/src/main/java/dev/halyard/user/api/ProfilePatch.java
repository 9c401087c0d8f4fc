package dev.halyard.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /users/me}.
 *
 * @param name the new display name
 */
public record ProfilePatch(@NotBlank @Size(max = 100) String name) {
}
