package dev.halyard.user.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account. The password is only ever held as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    /** Lower-cased at registration: addresses are unique regardless of case. */
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    public String name;

    /** {@code customer} or {@code admin}, see {@link dev.halyard.common.security.Roles}. */
    public String role;

    @Column(name = "avatar_key")
    public String avatarKey;

    @Column(name = "avatar_content_type")
    public String avatarContentType;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
