package dev.halyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;

/** Port helpers for servers we start. */
public final class Ports {

    /** Ports below this are left alone: well-known services, and the local platform's fixed ports (8080-8082). */
    static final int LOWEST = 10_000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Random RANDOM = new SecureRandom();

    private Ports() {
    }

    /**
     * A port that was free a moment ago, chosen below the kernel's ephemeral range. A port the kernel hands out for
     * a bind to port 0 (as {@code new ServerSocket(0)} does) can be handed out again to the next such bind once it is
     * closed: the in-JVM Kafka broker binds that way, and once took the HTTP port a cold start had just chosen for
     * the user service, which then failed to start (2026-11-24). Outside the range only our own choices compete.
     */
    public static int free() {
        int below = ephemeralLow();
        if (below - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = LOWEST + RANDOM.nextInt(below - LOWEST);
                if (bindable(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lowest port of the kernel's ephemeral range (Linux), or 32768 (the usual one) where it cannot be read. */
    static int ephemeralLow() {
        try {
            // line by line: Files.readString gave "3" for this file's "32768\t60999" (JDK 25, procfs)
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until something listens on {@code port}, or fails when {@code process} dies or time runs out. */
    public static void awaitOpen(int port, Process process, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isOpen(port)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
