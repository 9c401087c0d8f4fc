package dev.halyard.user.auth;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

/**
 * Creates the configured administrator once the service has started: an existing account with that email is left
 * alone. It runs beside the rest of the start rather than in it (waiting for its query held every start back by
 * about 0.07 s, issue 7), so {@link AdminReadiness} keeps the service out of the load balancer until it is done. A
 * database that fails meanwhile is retried with back-off; a password that breaks the policy still stops the start.
 */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private final AdminConfig config;
    private final UserService users;
    private final UserRepository repository;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    AdminBootstrap(AdminConfig config, UserService users, UserRepository repository) {
        this.config = config;
        this.users = users;
        this.repository = repository;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.email().isEmpty() || config.password().isEmpty()) {
            done.complete(null);
            return;
        }
        Passwords.violation(config.password().get(), config.email().get()).ifPresent(problem -> {
            throw new IllegalStateException("HALYARD_ADMIN_PASSWORD " + problem);
        });
        // Hibernate Reactive needs a Vert.x context; this gives the bootstrap a safe one of its own
        VertxContextSupport.subscribe(() -> ensureAdmin()
                .onFailure().invoke(e -> LOG.warnf("Could not create the administrator %s yet, will retry: %s",
                        config.email().get(), e.getMessage()))
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely()
                .toMulti(), subscribe -> subscribe.with(created -> done.complete(null), done::completeExceptionally));
    }

    /** Completes once the administrator exists (or none is configured). */
    public CompletionStage<Void> done() {
        return done.minimalCompletionStage();
    }

    /** Whether the administrator exists (or none is configured). */
    boolean isDone() {
        return done.isDone() && !done.isCompletedExceptionally();
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
