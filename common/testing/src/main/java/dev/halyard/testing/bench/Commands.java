package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the external load tools (vegeta, oha, pgbench) and fails with their log's name when they do; their scripts come
 * from this module's {@code bench/} resources.
 */
final class Commands {

    private Commands() {
    }

    /** Copies the resource {@code bench/<name>} into {@code dir}, where the tools read it; returns its path. */
    static Path script(String name, Path dir) {
        try (InputStream in = Commands.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bench/" + name + " is not on the class path");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(ProcessBuilder builder, String what, int timeoutSeconds) {
        run(builder, what, timeoutSeconds, null);
    }

    /**
     * As {@link #run(ProcessBuilder, String, int)}, with {@code input} writing the process's standard input on a
     * thread of its own while it runs (vegeta reads its targets there); it returns once the process closes it.
     */
    static void run(ProcessBuilder builder, String what, int timeoutSeconds, Consumer<OutputStream> input) {
        try {
            Process process = builder.start();
            if (input != null) {
                Thread feeder = new Thread(() -> input.accept(process.getOutputStream()), what + " input");
                feeder.setDaemon(true);
                feeder.start();
            }
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
