package dev.halyard.user.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.halyard.user.domain.User;

/**
 * An account as its owner sees it; never the password hash.
 *
 * @param userId the id tokens carry as subject
 * @param email login email, lower-case
 * @param name display name
 * @param role customer or admin
 * @param hasAvatar whether {@code GET /users/me/avatar} has an image
 * @param createdAt when the account was created
 */
public record UserResponse(UUID userId, String email, String name, String role, boolean hasAvatar,
        OffsetDateTime createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(user.userId, user.email, user.name, user.role, user.avatarKey != null,
                user.createdAt);
    }
}
