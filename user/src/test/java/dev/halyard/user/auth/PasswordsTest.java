package dev.halyard.user.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

class PasswordsTest {

    @Test
    void theDecoyCostsAsMuchAsARealHash() {
        // a miss must take as long as a wrong password, so the decoy's cost follows COST when that changes
        String realHash = BcryptUtil.bcryptHash("a-password-of-some-length", Passwords.COST);
        assertEquals(realHash.substring(0, 7), Passwords.DECOY_HASH.substring(0, 7));
        assertEquals(realHash.length(), Passwords.DECOY_HASH.length());
    }

    @Test
    void theDecoyIsAWellFormedHashThatMatchesNoPasswordWeKnow() {
        assertFalse(BcryptUtil.matches("halyard-decoy-password", Passwords.DECOY_HASH));
        assertFalse(BcryptUtil.matches("", Passwords.DECOY_HASH));
    }
}
