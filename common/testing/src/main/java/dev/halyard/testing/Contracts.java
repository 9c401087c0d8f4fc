package dev.halyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Committed contract files (OpenAPI documents) compared with what the code generates. Run the build with
 * {@code -Dhalyard.contracts.update=true} to rewrite them after an intended change, then review and commit.
 */
public final class Contracts {

    private Contracts() {
    }

    public static void assertMatchesCommitted(String generated, Path committed) {
        String actual = normalise(generated);
        try {
            if (Boolean.getBoolean("halyard.contracts.update")) {
                Files.writeString(committed, actual);
                return;
            }
            if (!Files.isRegularFile(committed)) {
                throw new AssertionError("No committed contract at " + committed.toAbsolutePath()
                        + ". Generate it with -Dhalyard.contracts.update=true and commit it.");
            }
            String expected = normalise(Files.readString(committed));
            if (!expected.equals(actual)) {
                throw new AssertionError("The API contract changed: " + firstDifference(expected, actual)
                        + "\nIf intended, run with -Dhalyard.contracts.update=true, review the diff of "
                        + committed + " and commit it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").strip() + "\n";
    }

    private static String firstDifference(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "<end>";
            String right = i < b.size() ? b.get(i) : "<end>";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": committed '" + left + "', generated '" + right + "'";
            }
        }
        return "whitespace only";
    }
}
