package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Product reads with oha (Rust, crates.io): at several thousand requests per second k6's JavaScript clients took
 * more CPU than the service they measured on two cores, so the maximum was k6's and not the service's. Each request
 * asks for a random product of the shop. Open-model runs use oha's {@code --latency-correction}: a request's latency
 * counts from when the schedule meant to send it, so a slow answer cannot hide the delay it causes (as wrk2 does).
 */
final class Oha implements Load {

    /**
     * Connections of an open-model run, as many as k6 keeps clients for order's open runs: arrivals do not wait for
     * each other, so a request should queue in the service and not for one of the load tool's connections. With 16,
     * at 23,000 reads/s (80 % of the maximum) any pause of the service left requests waiting for a connection and
     * p99 was 205-337 ms where with 64 or 256 connections it was 19-151 ms (by hand, 2026-11-23, alternating runs).
     */
    static final int OPEN_CONNECTIONS = 256;

    private final Path oha;
    private final Path work;
    private final String urlPattern;
    private int runs;

    private Oha(Path oha, Path work, String urlPattern) {
        this.oha = oha;
        this.work = work;
        this.urlPattern = urlPattern;
    }

    /**
     * GET {@code base}/products/api/v1/products/{id} for ids {@code first}..{@code first + count - 1}.
     */
    static Oha productReads(Path oha, Path work, String base, int first, int count) {
        // oha draws each URL from this regular expression; dots in it stand for themselves
        String ids = IntStream.range(first, first + count).mapToObj(Integer::toString)
                .collect(Collectors.joining("|", "(", ")"));
        return new Oha(oha, work, base + "/products/api/v1/products/" + ids);
    }

    @Override
    public LoadRun closed(int clients, int seconds) {
        return run("closed", seconds, 0, List.of("-c", Integer.toString(clients)));
    }

    /** When all connections are busy a request waits for one, and that wait is part of its latency. */
    @Override
    public LoadRun open(int rate, int seconds) {
        int r = Math.max(1, rate);
        return run("open", seconds, r,
                List.of("-c", Integer.toString(OPEN_CONNECTIONS), "-q", Integer.toString(r), "--latency-correction"));
    }

    private LoadRun run(String model, int seconds, int rate, List<String> shape) {
        String name = String.format("oha-%02d-product-%s", ++runs, model);
        Path figures = work.resolve(name + ".json");
        List<String> command = new ArrayList<>(List.of(oha.toString(), "--no-tui", "--output-format", "json",
                "-z", seconds + "s", "--wait-ongoing-requests-after-deadline", "--rand-regex-url"));
        command.addAll(shape);
        command.add(urlPattern);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(figures.toFile())
                .redirectError(work.resolve(name + ".log").toFile());
        Commands.run(builder, "oha " + name, seconds + 120);
        try {
            return figures(Json.MAPPER.readTree(figures.toFile()), rate, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("oha wrote no figures for " + name, e);
        }
    }

    /**
     * oha's JSON (seconds) as a {@link LoadRun} (milliseconds); only 200s count as answered, in the rate too: oha's
     * own {@code requestsPerSec} counts every attempt, and a closed run against a port nobody listens on reports
     * about 39,000 "requests" a second of refused connections.
     */
    static LoadRun figures(JsonNode json, int rate, int seconds) {
        long ok = json.path("statusCodeDistribution").path("200").asLong();
        long all = sum(json.path("statusCodeDistribution")) + sum(json.path("errorDistribution"));
        JsonNode latency = json.path("latencyPercentiles");
        double answeredPerSecond = ok / json.path("summary").path("total").asDouble();
        return new LoadRun(all, answeredPerSecond, all - ok, LoadRun.dropped(rate, seconds, all),
                ms(latency.path("p50")), ms(latency.path("p95")), ms(latency.path("p99")),
                ms(json.path("summary").path("slowest")));
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }

    private static double ms(JsonNode seconds) {
        return seconds.asDouble() * 1000;
    }
}
