package dev.halyard.user.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.error.ProblemException;
import dev.halyard.common.error.ProblemType;
import dev.halyard.common.persistence.Constraints;
import dev.halyard.common.storage.ImageUploads.AcceptedImage;
import dev.halyard.common.storage.ObjectStore;
import dev.halyard.common.storage.StoredObject;
import dev.halyard.user.auth.LoginThrottle;
import dev.halyard.user.auth.Passwords;

/** Accounts: registration, login, profile and avatar. */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final ObjectStore avatars;

    UserService(UserRepository users, Passwords passwords, LoginThrottle throttle, ObjectStore avatars) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.avatars = avatars;
    }

    public Uni<User> register(String email, String password, String name, String role) {
        String normalised = UserRepository.normaliseEmail(email);
        Passwords.violation(password, normalised).ifPresent(message -> {
            throw ProblemException.invalidField("password", message);
        });
        return passwords.hash(password)
                .flatMap(hash -> Panache.withTransaction(() -> users.findByEmail(normalised).flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(duplicate());
                    }
                    User user = new User();
                    user.userId = UUID.randomUUID();
                    user.email = normalised;
                    user.passwordHash = hash;
                    user.name = name.strip();
                    user.role = role;
                    user.createdAt = now();
                    user.updatedAt = user.createdAt;
                    return users.persist(user);
                })))
                .onFailure(Constraints::isUniqueViolation).transform(e -> duplicate());
    }

    /** The account these credentials belong to; 401 for wrong ones, 429 while the email is throttled. */
    public Uni<User> authenticate(String email, String password) {
        String normalised = UserRepository.normaliseEmail(email);
        var blocked = throttle.blockedFor(normalised);
        if (blocked.isPresent()) {
            return Uni.createFrom().failure(ProblemException.tooManyRequests(
                    "Too many failed logins for this account. Try again later.", blocked.get()));
        }
        return Panache.withSession(() -> users.findByEmail(normalised))
                .flatMap(user -> passwords.matches(password, user == null ? null : user.passwordHash)
                        .map(ok -> {
                            if (!ok) {
                                throttle.failed(normalised);
                                throw new ProblemException(ProblemType.UNAUTHENTICATED,
                                        "Invalid email or password.");
                            }
                            throttle.succeeded(normalised);
                            return user;
                        }));
    }

    public Uni<User> get(UUID userId) {
        return Panache.withSession(() -> users.findById(userId)).map(UserService::require);
    }

    public Uni<User> rename(UUID userId, String name) {
        return Panache.withTransaction(() -> users.findById(userId).map(found -> {
            User user = require(found);
            user.name = name.strip();
            user.updatedAt = now();
            return user;
        }));
    }

    /** Stores the avatar in the profiles bucket, then points the account at it and drops the previous one. */
    public Uni<User> setAvatar(UUID userId, AcceptedImage image) {
        return get(userId).flatMap(exists -> avatars.replace(image,
                () -> Panache.withTransaction(() -> users.findById(userId).map(found -> {
                    User user = require(found);
                    String previous = user.avatarKey;
                    user.avatarKey = image.key();
                    user.avatarContentType = image.type().mediaType();
                    user.updatedAt = now();
                    return new ObjectStore.Replaced<>(user, previous);
                }))));
    }

    public Uni<StoredObject> avatar(UUID userId) {
        return get(userId).flatMap(user -> {
            if (user.avatarKey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("You have no avatar yet."));
            }
            return avatars.get(user.avatarKey)
                    .map(o -> o.orElseThrow(() -> ProblemException.notFound("You have no avatar yet.")));
        });
    }

    private static User require(User user) {
        if (user == null) {
            throw ProblemException.notFound("The account does not exist.");
        }
        return user;
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("An account with this email already exists.");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
