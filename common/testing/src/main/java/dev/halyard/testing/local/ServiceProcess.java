package dev.halyard.testing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.halyard.testing.Domain;
import dev.halyard.testing.ProcessReaper;

/**
 * One service running from its packaged artifact, the JVM jar or the native executable, configured through
 * system properties. The resilience tests signal it as Kubernetes would: SIGTERM to stop, SIGKILL to crash.
 */
public final class ServiceProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Domain domain;
    private final int port;
    private final Process process;
    private final Path log;
    private final boolean writesArchive;
    private final long startedAt = System.nanoTime();
    private long readyAt;

    private ServiceProcess(Domain domain, int port, Process process, Path log, boolean writesArchive) {
        this.domain = domain;
        this.port = port;
        this.process = process;
        this.log = log;
        this.writesArchive = writesArchive;
    }

    /**
     * Starts {@code artifact}: a {@code quarkus-run.jar} on this JVM's java, or a native {@code *-runner}. The
     * process appends to {@code log}, so a restarted service keeps what the previous process wrote before it
     * stopped. Only with {@code mayWriteArchive} does a JVM write its class archive when it is missing or stale: a
     * second instance of the same build must not write the same file at its exit.
     */
    static ServiceProcess start(Domain domain, Path artifact, int port, Map<String, String> config, Path log,
            boolean mayWriteArchive) {
        boolean jar = artifact.getFileName().toString().endsWith(".jar");
        ClassArchive.Use archive = jar ? ClassArchive.of(artifact.getParent(), mayWriteArchive) : ClassArchive.NONE;
        // a start allocates about 110 MB: with the default young generation (a third of the heap) the last 0.05 s
        // before ready was a collection; half the heap for it lets a service reach ready without one (issue 7)
        List<String> command = new ArrayList<>(jar
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                        "-Xmx384m", "-Xmn192m")
                : List.of(artifact.toString()));
        command.addAll(archive.options());
        // system properties: before -jar for the JVM, as arguments for the native executable
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (jar) {
            command.addAll(List.of("-jar", artifact.toString()));
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            ProcessReaper.get().watch(process.pid(), "TERM");
            return new ServiceProcess(domain, port, process, log, archive.writes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + domain.id(), e);
        }
    }

    public Domain domain() {
        return domain;
    }

    /** {@link System#nanoTime()} when the process was started. */
    long startedAt() {
        return startedAt;
    }

    /** Milliseconds from process start to the first 200 of the readiness probe. */
    long startupMillis() {
        return (readyAt - startedAt) / 1_000_000;
    }

    /** Resident set size now, in MiB, from {@code /proc} (Linux); -1 where there is none. */
    double rssMib() {
        // empty when not on Linux, or when the process is gone
        return Machine.procLine("/proc/" + process.pid() + "/status", "VmRSS").map(v -> Machine.kib(v) / 1024.0)
                .orElse(-1.0);
    }

    /** Polls the readiness endpoint until it answers 200; fails with the log's tail if the process dies. */
    void awaitReady(Progress progress) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(domain.id() + " exited (code " + process.exitValue() + "):\n"
                        + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    readyAt = System.nanoTime();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // often enough that the start time it measures is not rounded up by the polling
            if (++polls % 5 == 0) {
                progress.tick();
            }
            sleep(50);
        }
        throw new IllegalStateException(domain.id() + " was not ready within " + READY_TIMEOUT + ":\n" + tail());
    }

    /**
     * SIGTERM, so Quarkus shuts down gracefully; killed if it has not stopped after 30 s, or after 2 min when it
     * writes its class archive at exit (a JDK 25 AOT cache takes a second JVM about 20 s on two cores).
     */
    public void stop() {
        terminate();
        awaitStopped();
    }

    /**
     * Waits after {@link #terminate} as long as {@link #stop} does, and returns the exit code. A JVM that writes its
     * class archive still does so after Quarkus has stopped: on a busy 2-core machine a JDK 17 archive took over 20 s
     * (2026-12-08), and a 30 s wait killed it (137) although its shutdown had been graceful.
     */
    public int awaitStopped() {
        return awaitExit(Duration.ofSeconds(writesArchive ? 120 : 30));
    }

    /** Sends SIGTERM and returns at once: Quarkus's pre-shutdown delay, then its graceful shutdown, begin. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process dies at once, mid-request and mid-transaction, as in a node failure. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Waits for the process to exit (killed after {@code timeout}) and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessReaper.get().forget(process.pid());
        return process.isAlive() ? -1 : process.exitValue();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
