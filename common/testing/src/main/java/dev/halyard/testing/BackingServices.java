package dev.halyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.halyard.testing.auth.SigningKeys;
import dev.halyard.testing.auth.TestTokens;

/**
 * PostgreSQL, S3 and (on demand) Kafka for one JVM, and the Quarkus configuration that points a domain's service
 * at them. Tests share one instance per JVM ({@link #shared()}); the local platform makes a durable one.
 */
public final class BackingServices implements AutoCloseable {

    /** The saga's topics (dev.halyard.common.events.Topics), created before any service subscribes. */
    private static final List<String> SAGA_TOPICS = List.of("order-events", "inventory-events");

    private static BackingServices shared;

    private final Path base;
    private final PostgresServer postgres;
    private final S3Server s3;
    private final SigningKeys keys;
    private KafkaBroker kafka;

    private BackingServices(Path base, PostgresServer postgres, S3Server s3, SigningKeys keys) {
        this.base = base;
        this.postgres = postgres;
        this.s3 = s3;
        this.keys = keys;
    }

    /**
     * Starts PostgreSQL and S3 under {@code base}, on the given ports (0: any free port). Durable servers keep
     * their data between starts.
     */
    public static BackingServices start(Path base, int postgresPort, int s3Port, boolean durable) {
        return start(base, postgresPort, s3Port, durable, false);
    }

    /**
     * As {@link #start(Path, int, int, boolean)}, with Kafka too when {@code withKafka}: the three servers start
     * side by side (each spends much of its start waiting on its own files and sockets), which is most of the local
     * platform's time to ready.
     */
    public static BackingServices start(Path base, int postgresPort, int s3Port, boolean durable,
            boolean withKafka) {
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<S3Server> s3 = CompletableFuture
                .supplyAsync(() -> S3Server.start(base.resolve("s3"), s3Port == 0 ? Ports.free() : s3Port));
        CompletableFuture<KafkaBroker> kafka = withKafka
                ? CompletableFuture.supplyAsync(() -> startKafka(base))
                : CompletableFuture.completedFuture(null);
        PostgresServer postgres = null;
        try {
            postgres = PostgresServer.start(base.resolve("postgres"),
                    postgresPort == 0 ? Ports.free() : postgresPort, durable);
            BackingServices started = new BackingServices(base, postgres, s3.join(), SigningKeys.in(base.resolve(
                    "keys")));
            started.kafka = kafka.join();
            return started;
        } catch (RuntimeException e) {
            // stop whatever did start before reporting what did not
            s3.thenAccept(S3Server::close);
            kafka.thenAccept(k -> {
                if (k != null) {
                    k.close();
                }
            });
            if (postgres != null) {
                postgres.close();
            }
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The instance every test class of this JVM shares; stopped when the JVM exits. */
    public static synchronized BackingServices shared() {
        if (shared == null) {
            shared = start(sharedBase(), 0, 0, false);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "halyard-backing-services-stop"));
        }
        return shared;
    }

    /**
     * Where the shared instance keeps its files. Tests may run in another class loader than the test resource
     * that started the servers, so they find its keys through this path rather than through the instance.
     */
    public static Path sharedBase() {
        return Path.of(System.getProperty("java.io.tmpdir"), "halyard-test-" + ProcessHandle.current().pid());
    }

    /** The Kafka broker, started on first use. */
    public synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = startKafka(base);
        }
        return kafka;
    }

    private static KafkaBroker startKafka(Path base) {
        KafkaBroker broker = KafkaBroker.start(base.resolve("kafka"));
        broker.createTopics(SAGA_TOPICS, 3);
        return broker;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public S3Server s3() {
        return s3;
    }

    public SigningKeys keys() {
        return keys;
    }

    /** {@code domain}'s database and the role that owns it (created on first use). */
    public PostgresServer.Database database(Domain domain) {
        return postgres.database(domain.database(), domain.id(), domain.id() + "-local");
    }

    /** Quarkus configuration for {@code domain}'s service: its database, its bucket, token keys, Kafka. */
    public Map<String, String> config(Domain domain, boolean withKafka) {
        PostgresServer.Database db = database(domain);
        s3.bucket(domain.bucket());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.s3.endpoint-override", s3.endpoint());
        config.put("quarkus.s3.path-style-access", "true");
        config.put("quarkus.s3.aws.region", S3Server.REGION);
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", S3Server.ACCESS_KEY);
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", S3Server.SECRET_KEY);
        config.put("halyard.storage.bucket", domain.bucket());
        if (domain == Domain.PRODUCT) {
            // image URLs point at the service's own image route (production: the CDN); the local platform, which
            // knows the port it chose, replaces it
            config.put("halyard.storage.public-base-url",
                    "http://localhost:" + domain.localPort() + "/products/api/v1/images");
        }
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        if (domain != Domain.USER) {
            // in the pods these services fetch the key over HTTP, which makes smallrye-jwt verify on a worker
            // thread; a file key would not, so tests say so to take the same path
            config.put("quarkus.smallrye-jwt.blocking-authentication", "true");
        }
        if (domain == Domain.USER) {
            config.put("halyard.auth.signing-key-location", keys.privateKeyFile().toString());
            config.put("halyard.auth.issuer", TestTokens.ISSUER);
        }
        if (withKafka) {
            config.put("kafka.bootstrap.servers", kafka().bootstrapServers());
        }
        return config;
    }

    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
        }
        s3.close();
        postgres.close();
    }
}
