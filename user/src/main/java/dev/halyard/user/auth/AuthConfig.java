package dev.halyard.user.auth;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the user service issues tokens and protects logins. */
@ConfigMapping(prefix = "halyard.auth")
public interface AuthConfig {

    /** The {@code iss} claim of issued tokens; every service verifies it ({@code mp.jwt.verify.issuer}). */
    @WithDefault("https://halyard.dev/users")
    String issuer();

    /** Path of the RS256 signing key (PKCS#8 PEM), e.g. a mounted Kubernetes secret. */
    Optional<String> signingKeyLocation();

    /** The signing key's PEM text itself, e.g. from an environment variable; wins over the location. */
    Optional<String> signingKey();

    /** How long an access token is valid. */
    @WithDefault("PT15M")
    Duration tokenLifetime();

    /** Failed logins for one account within {@link #throttleWindow()} before further attempts get 429. */
    @WithDefault("5")
    int maxFailedLogins();

    /** The window failed logins are counted in, and how long an account stays throttled. */
    @WithDefault("PT15M")
    Duration throttleWindow();
}
