package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.halyard.testing.PostgresServer;

/**
 * The raw limit: pgbench running the SQL a request runs ({@code bench/*.sql}, taken from the statements the
 * service sends) straight against the same PostgreSQL, with as many connections as the load has clients.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path pgbench;
    private final Path work;
    private final Map<String, Path> scripts = new HashMap<>();
    private int runs;

    PgBench(Path pgbench, Path work) {
        this.pgbench = pgbench;
        this.work = work;
    }

    /**
     * Transactions per second of {@code script} (a resource under {@code bench/}) on {@code db}, with
     * {@code clients} connections for {@code seconds}; {@code variables} become pgbench's {@code -D} settings.
     */
    double tps(String script, PostgresServer.Database db, Map<String, String> variables, int clients, int seconds) {
        String name = String.format("%02d-pgbench-%s", ++runs, script.replace(".sql", ""));
        Path file = scripts.computeIfAbsent(script, resource -> Commands.script(resource, work));
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "--no-vacuum", "--protocol=prepared",
                "--host=127.0.0.1", "--port=" + db.port(), "--username=" + db.username(),
                "--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                "--time=" + seconds, "--file=" + file));
        variables.forEach((key, value) -> command.add("--define=" + key + "=" + value));
        command.add(db.name());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", db.password());
        Commands.run(builder, "pgbench " + name, seconds + 60);
        try {
            Matcher m = TPS.matcher(Files.readString(log));
            if (!m.find()) {
                throw new IllegalStateException("pgbench printed no tps; see " + log);
            }
            return Double.parseDouble(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
