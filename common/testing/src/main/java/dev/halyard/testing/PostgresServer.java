package dev.halyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from Maven Central binaries (no Docker), one per JVM, holding one database and one
 * owning role per domain, as production has one database per domain.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private final boolean durable;
    private EmbeddedPostgres postgres;
    private long postmasterPid;

    private PostgresServer(Path dataDirectory, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.durable = durable;
    }

    /**
     * Starts a server on {@code port}. With {@code durable} false, durability is traded for speed (tests); with
     * true, an existing data directory is reused so data survives restarts (the local platform). Either way the
     * embedded server's own defaults apply: no fsync ({@code -F}) and {@code synchronous_commit=off}, so a commit
     * never waits for the disk and an operating-system crash can lose or damage local data; a stop is clean.
     */
    public static PostgresServer start(Path dataDirectory, int port, boolean durable) {
        PostgresServer server = new PostgresServer(dataDirectory, durable);
        server.run(port);
        return server;
    }

    private void run(int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (!durable) {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            postgres = builder.start();
            postmasterPid = readPid(dataDirectory);
            // SIGINT is PostgreSQL's "fast shutdown": it ends sessions and writes a checkpoint
            ProcessReaper.get().watch(postmasterPid, "INT");
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private static long readPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    /**
     * Stops the server (fast shutdown: every session is cut), waits {@code down}, and starts it again on the same
     * port and data directory, as a managed database's reboot or failover looks to its clients.
     */
    public void restart(java.time.Duration down) throws InterruptedException {
        int port = port();
        close();
        Thread.sleep(down.toMillis());
        run(port);
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates (if missing) the role and database a domain owns; safe to call on every start. */
    public Database database(String name, String owner, String password) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", owner)) {
                s.execute("create role \"" + owner + "\" login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                s.execute("create database \"" + name + "\" owner \"" + owner + "\"");
            }
            return new Database(name, owner, password, port());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            ProcessReaper.get().forget(postmasterPid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a domain's database is.
     *
     * @param name database name
     * @param username owning role
     * @param password its password
     * @param port server port on 127.0.0.1
     */
    public record Database(String name, String username, String password, int port) {

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
        }

        /** The URL form the reactive (Vert.x) PostgreSQL client expects. */
        public String reactiveUrl() {
            return "postgresql://127.0.0.1:" + port + "/" + name;
        }
    }
}
