package dev.halyard.testing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.halyard.testing.Domain;
import dev.halyard.testing.PostgresServer;
import dev.halyard.testing.local.Platform;

/**
 * A second database of a domain's schema on the same server, for pgbench's writes: in the service's own database
 * its outbox rows would be relayed to Kafka and its PENDING orders expired, turning the raw run into load on the
 * services that are being measured.
 */
final class RawDatabase {

    private RawDatabase() {
    }

    /** Creates {@code <domain db>_raw} and applies the service's Flyway migrations to it, in version order. */
    static PostgresServer.Database of(Platform platform, Path root, Domain domain) {
        PostgresServer.Database db = platform.backing().postgres().database(domain.database() + "_raw", domain.id(),
                domain.id() + "-local");
        Path migrations = root.resolve(domain.id()).resolve("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(migrations);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            List<Path> scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(RawDatabase::version)).toList();
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the raw " + domain.id() + " database", e);
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
