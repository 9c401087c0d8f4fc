package dev.halyard.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.halyard.testing.Ports;
import dev.halyard.testing.ProcessReaper;
import dev.halyard.testing.bench.Tools;

/**
 * nginx (Debian's package) as the stand-in for the ingress controller: one upstream, switched from one version to
 * the other by rewriting it and reloading, which is what an ingress does when Argo Rollouts moves the active
 * Service's selector. A reload is graceful: old workers finish their requests, new ones use the new upstream.
 */
public final class Nginx implements AutoCloseable {

    private final Path binary;
    private final Path dir;
    private final int port;
    private final Process process;

    private Nginx(Path binary, Path dir, int port, Process process) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts nginx on {@code port}, proxying to 127.0.0.1:{@code upstreamPort}, with its files under {@code dir}. */
    public static Nginx start(Path dir, int port, int upstreamPort) {
        Path binary = Tools.path(RunningPlatform.root(), "nginx");
        try {
            Files.createDirectories(dir.resolve("temp"));
            writeUpstream(dir, upstreamPort);
            Files.writeString(dir.resolve("nginx.conf"), config(dir, port));
            Process process = command(binary, dir, "-g", "daemon off;").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile()).start();
            ProcessReaper.get().watch(process.pid(), "TERM");
            Nginx nginx = new Nginx(binary, dir, port, process);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** nginx with its prefix, configuration and error log under {@code dir}, plus {@code args}. */
    private static ProcessBuilder command(Path binary, Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "-p", dir.toString(), "-c",
                "nginx.conf", "-e", "error.log"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String config(Path dir, int port) {
        String temp = dir.resolve("temp").toString();
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    upstream active {
                        include %1$s/upstream.conf;
                        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://active;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(dir, temp, port);
    }

    private static void writeUpstream(Path dir, int upstreamPort) throws IOException {
        Files.writeString(dir.resolve("upstream.conf"), "server 127.0.0.1:" + upstreamPort + ";\n");
    }

    /** Points the upstream at {@code upstreamPort} and reloads gracefully; returns once the reload is signalled. */
    public void switchTo(int upstreamPort) {
        try {
            writeUpstream(dir, upstreamPort);
            Process reload = command(binary, dir, "-s", "reload").redirectErrorStream(true).start();
            String out = new String(reload.getInputStream().readAllBytes());
            if (reload.waitFor() != 0) {
                throw new IllegalStateException("nginx reload failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() {
        try {
            Ports.awaitOpen(port, process, Duration.ofSeconds(10), "nginx");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ": " + log(), e);
        }
    }

    private String log() {
        try {
            Path errors = dir.resolve("error.log");
            return (Files.exists(errors) ? Files.readString(errors) : "") + Files.readString(dir.resolve("nginx.out"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        ProcessReaper.get().forget(process.pid());
    }
}
