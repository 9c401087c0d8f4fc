package dev.halyard.common.security;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified token as these tests need it: JsonWebToken reads the expiry and the groups from these two claims. */
record ClaimsOnly(long exp, Set<String> groups) implements JsonWebToken {

    @Override
    public String getName() {
        return "someone";
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of("exp", "groups");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        return (T) Map.of("exp", exp, "groups", groups).get(name);
    }
}
