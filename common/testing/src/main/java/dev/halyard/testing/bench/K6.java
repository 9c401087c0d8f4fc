package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code bench/load.js} with k6: closed-model runs for the maximum throughput, open-model runs (constant
 * arrival rate) for latency at a given load, so that coordinated omission does not hide slow answers.
 */
final class K6 {

    private final Path k6;
    private final Path script;
    private final Path work;
    private int runs;

    private K6(Path k6, Path script, Path work) {
        this.k6 = k6;
        this.script = script;
        this.work = work;
    }

    /** k6 running {@code bench/load.js}; each run leaves its log and figures in {@code work}. */
    static K6 in(Path k6, Path work) {
        return new K6(k6, Commands.script("load.js", work), work);
    }

    /** k6 sending to {@code target} (see {@code bench/load.js} for its keys). */
    Load at(Map<String, String> target) {
        return new Load() {
            @Override
            public LoadRun closed(int clients, int seconds) {
                return K6.this.closed(target, clients, seconds);
            }

            @Override
            public LoadRun open(int rate, int seconds) {
                return K6.this.open(target, rate, seconds);
            }
        };
    }

    private LoadRun closed(Map<String, String> target, int clients, int seconds) {
        Map<String, String> env = new LinkedHashMap<>(target);
        env.put("MODEL", "closed");
        env.put("VUS", Integer.toString(clients));
        return run(env, seconds);
    }

    private LoadRun open(Map<String, String> target, int rate, int seconds) {
        Map<String, String> env = new LinkedHashMap<>(target);
        env.put("MODEL", "open");
        env.put("RATE", Integer.toString(Math.max(1, rate)));
        return run(env, seconds);
    }

    private LoadRun run(Map<String, String> env, int seconds) {
        String name = String.format("%02d-%s-%s", ++runs, env.get("TARGET"), env.get("MODEL"));
        Path figures = work.resolve(name + ".json");
        List<String> command = new ArrayList<>(List.of(k6.toString(), "run", "--quiet", "--no-color"));
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("DURATION", seconds + "s");
        all.put("RUN", "k6-" + ProcessHandle.current().pid() + "-" + runs);
        all.put("OUT", figures.toString());
        all.forEach((key, value) -> command.addAll(List.of("-e", key + "=" + value)));
        command.add(script.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        // k6 phones home with usage figures unless told not to
        builder.environment().put("K6_NO_USAGE_REPORT", "true");
        Commands.run(builder, "k6 " + name, seconds + 120);
        try {
            return Json.MAPPER.readValue(figures.toFile(), LoadRun.class);
        } catch (IOException e) {
            throw new UncheckedIOException("k6 wrote no figures for " + name, e);
        }
    }
}
