package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tools the benchmark and the resilience tests run (oha, vegeta, pgbench, nginx, schemathesis), installed at their
 * pinned versions by {@code .ci/tools} (cached outside the repository).
 */
public final class Tools {

    private Tools() {
    }

    /** Installs {@code name} if missing and returns its path. */
    public static Path path(Path root, String name) {
        try {
            Process process = new ProcessBuilder("bash", root.resolve(".ci/tools").toString(), "path", name)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException(".ci/tools could not install " + name);
            }
            Path tool = Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(name + " is not at " + tool);
            }
            return tool;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
