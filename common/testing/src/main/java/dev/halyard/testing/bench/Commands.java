package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** Runs the external load tools (k6, pgbench) and fails with their log's name when they do. */
final class Commands {

    private Commands() {
    }

    static void run(ProcessBuilder builder, String what, int timeoutSeconds) {
        try {
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "); see "
                        + builder.redirectOutput().file());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }
}
