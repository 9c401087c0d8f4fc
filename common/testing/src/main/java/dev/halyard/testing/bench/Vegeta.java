package dev.halyard.testing.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Order placement with vegeta (Go module proxy), each order its own idempotency key ({@link OrderTargets}, streamed
 * to vegeta's standard input). It replaced k6, whose JavaScript clients shared the two cores with the platform they
 * measured: by hand at 2,500 orders/s (2026-11-24, alternating runs) the order service's own median was 5.1 and 11.7
 * ms under k6's 300 clients and 1.5 and 1.4 ms under vegeta, and k6 took 0.13 ms of CPU per order in the open model
 * against vegeta's 0.09 (docs/performance.md). Open runs count each request's latency from when the schedule meant
 * to send it, as oha's {@code --latency-correction} does, so a late send cannot hide a delay.
 */
final class Vegeta implements Load {

    private final Path vegeta;
    private final Path work;
    private final OrderTargets targets;
    private int runs;

    Vegeta(Path vegeta, Path work, OrderTargets targets) {
        this.vegeta = vegeta;
        this.work = work;
        this.targets = targets;
    }

    @Override
    public LoadRun closed(int clients, int seconds) {
        // rate 0: each worker sends its next request when its last is answered
        return run("closed", seconds, 0, List.of("-rate=0", "-workers=" + clients, "-max-workers=" + clients));
    }

    /** vegeta starts another worker (and connection) whenever every one is waiting for an answer. */
    @Override
    public LoadRun open(int rate, int seconds) {
        int r = Math.max(1, rate);
        return run("open", seconds, r, List.of("-rate=" + r + "/1s"));
    }

    private LoadRun run(String model, int seconds, int rate, List<String> shape) {
        String name = String.format("vegeta-%02d-order-%s", ++runs, model);
        Path results = work.resolve(name + ".bin");
        Path log = work.resolve(name + ".log");
        List<String> attack = new ArrayList<>(List.of(vegeta.toString(), "attack", "-format=json", "-lazy",
                "-duration=" + seconds + "s", "-timeout=30s", "-max-body=0", "-output=" + results));
        attack.addAll(shape);
        String key = "vegeta-" + ProcessHandle.current().pid() + "-" + runs;
        Commands.run(new ProcessBuilder(attack).redirectErrorStream(true).redirectOutput(log.toFile()),
                "vegeta " + name, seconds + 120, out -> targets.stream(key, out));
        try {
            Path decoded = work.resolve(name + ".jsonl");
            Commands.run(new ProcessBuilder(vegeta.toString(), "encode", "--to", "json", results.toString())
                    .redirectOutput(decoded.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())),
                    "vegeta encode " + name, 120);
            LoadRun run;
            try (BufferedReader lines = Files.newBufferedReader(decoded)) {
                run = figures(lines, rate, seconds);
            }
            // a run's results are tens of megabytes; its figures are what the report needs
            Files.delete(decoded);
            Files.delete(results);
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(work.resolve(name + ".json").toFile(), run);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("vegeta " + name, e);
        }
    }

    /**
     * vegeta's results, one JSON object per request (its {@code encode --to json}), as a {@link LoadRun}: only
     * 201s count as answered, in the rate too, which is over the time from the first request sent to the last
     * answer. With a {@code rate} (an open run) the n-th request ({@code seq}) was due n/rate seconds after the
     * first, and its latency counts from then; a closed run ({@code rate} 0) counts from when it was sent.
     */
    static LoadRun figures(BufferedReader lines, int rate, int seconds) throws IOException {
        List<long[]> requests = new ArrayList<>();
        long ok = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode result = Json.MAPPER.readTree(line);
            long sent = epochNanos(result.path("timestamp").asText());
            long latency = result.path("latency").asLong();
            requests.add(new long[]{result.path("seq").asLong(), sent, latency});
            if (result.path("code").asInt() == 201) {
                ok++;
            }
            first = Math.min(first, sent);
            last = Math.max(last, sent + latency);
        }
        if (requests.isEmpty()) {
            return new LoadRun(0, 0, 0, LoadRun.dropped(rate, seconds, 0), 0, 0, 0, 0);
        }
        List<Double> ms = new ArrayList<>(requests.size());
        for (long[] r : requests) {
            long latency = r[2];
            if (rate > 0) {
                long due = first + Math.round(r[0] * 1e9 / rate);
                latency = Math.max(latency, r[1] + r[2] - due);
            }
            ms.add(latency / 1e6);
        }
        long all = ms.size();
        double span = Math.max(last - first, 1) / 1e9;
        return new LoadRun(all, ok / span, all - ok, LoadRun.dropped(rate, seconds, all),
                Spread.percentile(ms, 50), Spread.percentile(ms, 95), Spread.percentile(ms, 99),
                Spread.percentile(ms, 100));
    }

    private static long epochNanos(String rfc3339) {
        OffsetDateTime time = OffsetDateTime.parse(rfc3339);
        return time.toEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
