package dev.halyard.common.security;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.halyard.common.error.ProblemException;
import dev.halyard.common.error.ProblemType;

/** Who is calling, from the verified token: the account id (the subject) and whether it is an admin. */
public final class Callers {

    private Callers() {
    }

    /** The account the token was issued to; 401 if the subject is not an account id. */
    public static UUID id(JsonWebToken jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "The token does not name an account.");
        }
    }

    public static boolean isAdmin(JsonWebToken jwt) {
        return jwt.getGroups() != null && jwt.getGroups().contains(Roles.ADMIN);
    }
}
