package dev.halyard.user.auth;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import dev.halyard.common.security.Roles;
import dev.halyard.user.domain.UserRepository;
import dev.halyard.user.domain.UserService;

/** Creates the configured administrator at start, once: an existing account with that email is left alone. */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AdminConfig config;
    private final UserService users;
    private final UserRepository repository;

    AdminBootstrap(AdminConfig config, UserService users, UserRepository repository) {
        this.config = config;
        this.users = users;
        this.repository = repository;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.email().isEmpty() || config.password().isEmpty()) {
            return;
        }
        Passwords.violation(config.password().get(), config.email().get()).ifPresent(problem -> {
            throw new IllegalStateException("HALYARD_ADMIN_PASSWORD " + problem);
        });
        try {
            // Hibernate Reactive needs a Vert.x context; the startup thread has none
            VertxContextSupport.subscribeAndAwait(this::ensureAdmin);
        } catch (Throwable e) {
            throw new IllegalStateException("Could not create the administrator " + config.email().get(), e);
        }
    }

    /** Creates the administrator unless an account with the email exists; true when it created one. */
    public Uni<Boolean> ensureAdmin() {
        String email = config.email().orElseThrow();
        String password = config.password().orElseThrow();
        return Panache.withSession(() -> repository.findByEmail(email)).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            return users.register(email, password, "Administrator", Roles.ADMIN).map(u -> {
                LOG.infof("Created administrator account %s", u.email);
                return true;
            });
        });
    }
}
