package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LoadScriptTest {

    /**
     * The build filters this module's resources for its own properties file; the k6 script must come through as
     * written, or Maven replaces JavaScript's {@code ${id}} with the project's id and every order line is named
     * after the build.
     */
    @Test
    void theK6ScriptIsPackagedAsWritten() throws IOException {
        try (InputStream in = LoadScriptTest.class.getResourceAsStream("/bench/load.js")) {
            assertNotNull(in);
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(script.contains("\"product_name\":\"Bench ${id}\""), "order lines are named after the product");
        }
    }
}
