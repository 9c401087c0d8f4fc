package dev.halyard.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.halyard.testing.Domain;
import dev.halyard.testing.local.Platform;

/**
 * Watches a service's readiness probe every 100 ms, as a kubelet or a load balancer would, and keeps the
 * sequence of states it saw: UP (200), DOWN (503, or no answer within 2 s), GONE (nothing listening).
 */
public final class Readiness implements AutoCloseable {

    private final Domain domain;
    private final URI probe;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final List<String> transitions = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean running = true;
    /** {@link System#nanoTime()} since when the probe has not been UP; 0 while it is. */
    private volatile long notUpSince;

    private Readiness(Domain domain, String url) {
        this.domain = domain;
        this.probe = URI.create(url + "/q/health/ready");
        this.watcher = new Thread(this::watch, "readiness-" + domain.id());
        watcher.setDaemon(true);
        watcher.start();
    }

    public static Readiness watch(Platform platform, Domain domain) {
        return new Readiness(domain, platform.url(domain));
    }

    private void watch() {
        while (running) {
            String state = state();
            if (!running) {
                return; // closed while probing: that answer says nothing about the service
            }
            synchronized (transitions) {
                if (transitions.isEmpty() || !transitions.get(transitions.size() - 1).equals(state)) {
                    transitions.add(state);
                    if (state.equals("UP")) {
                        notUpSince = 0;
                    } else if (notUpSince == 0) {
                        notUpSince = System.nanoTime();
                    }
                    transitions.notifyAll();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String state() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "UP" : "DOWN";
        } catch (java.net.http.HttpTimeoutException slow) {
            // connected but no answer in time: a kubelet counts that as a failed probe, not as a stopped process
            return "DOWN";
        } catch (IOException e) {
            return "GONE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GONE";
        }
    }

    public Domain domain() {
        return domain;
    }

    /**
     * Whether a load balancer would still route here: yes unless the probe has failed for {@code grace}, as
     * Kubernetes drops an endpoint only after failureThreshold failed probes.
     */
    public boolean routable(Duration grace) {
        long since = notUpSince;
        return since == 0 || System.nanoTime() - since < grace.toNanos();
    }

    /** The states seen so far, each change once. */
    public List<String> transitions() {
        synchronized (transitions) {
            return List.copyOf(transitions);
        }
    }

    /** Waits until the probe went DOWN (or away) and came back UP. */
    public void awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (transitions) {
            while (transitions.size() < 2 || !transitions.get(transitions.size() - 1).equals("UP")) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError(domain.id() + " readiness not back UP within " + timeout + ": "
                            + transitions);
                }
                transitions.wait(left);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
