package dev.halyard.testing.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.halyard.testing.BackingServices;
import dev.halyard.testing.Directories;
import dev.halyard.testing.Domain;

/**
 * The whole platform on one machine: PostgreSQL, Kafka and S3, then every packaged service as its own JVM, all
 * started at once. Used by {@code ./halyard up} (durable data, fixed ports), by the end-to-end tests and the
 * benchmark (fresh data, free ports).
 */
public final class Platform implements AutoCloseable {

    /**
     * Where and how to run.
     *
     * @param root the repository, where each service's {@code target/quarkus-app} is
     * @param data where PostgreSQL, S3 and the keys keep their files
     * @param logs where each service writes {@code <service>.log}
     * @param postgresPort PostgreSQL's port (0: any free one)
     * @param s3Port the S3 server's port (0: any free one)
     * @param httpPorts each service's HTTP port
     * @param durable keep data across starts (PostgreSQL still runs without fsync: see PostgresServer.start)
     * @param adminEmail the administrator the user service creates at start
     * @param adminPassword its password
     * @param verbose print progress lines
     * @param nativeExecutables run each service's native executable ({@code target/*-runner}) instead of its jar
     */
    public record Settings(Path root, Path data, Path logs, int postgresPort, int s3Port,
            Map<Domain, Integer> httpPorts, boolean durable, String adminEmail, String adminPassword,
            boolean verbose, boolean nativeExecutables) {
    }

    private final Settings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private BackingServices backing;

    private Platform(Settings settings) {
        this.settings = settings;
    }

    /** Starts everything; on failure, stops what was started and rethrows. */
    public static Platform start(Settings settings) {
        Platform platform = new Platform(settings);
        try {
            platform.boot();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void boot() {
        try {
            // each start writes fresh logs; within it, a restarted service appends to its own
            Directories.deleteTree(settings.logs());
            Files.createDirectories(settings.logs());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Progress step = Progress.begin("PostgreSQL 17, S3, Kafka", settings.verbose());
        backing = BackingServices.start(settings.data(), settings.postgresPort(), settings.s3Port(),
                settings.durable(), true);
        step.done("postgresql://127.0.0.1:" + backing.postgres().port() + ", " + backing.s3().endpoint() + ", "
                + backing.kafka().bootstrapServers());

        // all side by side: none needs another to start (the others fetch user's JWKS at the first token they see)
        await(domains().stream().map(this::launch).toList());
    }

    private ServiceProcess launch(Domain domain) {
        ServiceProcess service = ServiceProcess.start(domain, artifact(domain), port(domain), configFor(domain),
                settings.logs().resolve(domain.id() + ".log"), true);
        services.add(service);
        return service;
    }

    private void await(List<ServiceProcess> started) {
        for (ServiceProcess service : started) {
            Progress step = Progress.begin(service.domain().id() + " service", settings.verbose(),
                    service.startedAt());
            service.awaitReady(step);
            step.done(url(service.domain()));
        }
    }

    /** The services that are built, in start order. */
    public List<Domain> domains() {
        return Stream.of(Domain.USER, Domain.PRODUCT, Domain.ORDER).filter(d -> Files.isRegularFile(artifact(d)))
                .toList();
    }

    /**
     * Stops {@code domain}'s service gracefully and returns once it is gone, while everything else keeps running;
     * {@link #start} brings it back, so that its start time is its own and not a cold start's of the platform.
     */
    public void stop(Domain domain) {
        ServiceProcess running = service(domain);
        running.stop();
        services.remove(running);
    }

    /** Starts {@code domain}'s service again after it was stopped, killed or terminated; waits until it is ready. */
    public void start(Domain domain) {
        if (services.stream().anyMatch(s -> s.domain() == domain)) {
            throw new IllegalStateException(domain.id() + " is running");
        }
        await(List.of(launch(domain)));
    }

    /** SIGKILL to {@code domain}'s service, as a node failure would; returns once the process is gone. */
    public void kill(Domain domain) {
        ServiceProcess running = service(domain);
        running.kill();
        services.remove(running);
    }

    /**
     * SIGTERM to {@code domain}'s service, as Kubernetes sends when it ends a pod; returns at once with the process,
     * which shuts down gracefully while the caller watches.
     */
    public ServiceProcess terminate(Domain domain) {
        ServiceProcess running = service(domain);
        services.remove(running);
        running.terminate();
        return running;
    }

    /**
     * A second instance of {@code domain}'s service on {@code port}, sharing the database and topics with the
     * first, as the two ReplicaSets of a blue-green rollout do; waits until it is ready. Stopped by {@link #close}.
     * It reads the AppCDS archive but never writes it: the first instance does, at its exit.
     */
    public ServiceProcess startInstance(Domain domain, int port, String logName) {
        Map<String, String> config = configFor(domain);
        config.put("quarkus.http.port", Integer.toString(port));
        ServiceProcess instance = ServiceProcess.start(domain, artifact(domain), port, config,
                settings.logs().resolve(logName + ".log"), false);
        extraInstances.add(instance);
        instance.awaitReady(Progress.begin(logName, settings.verbose(), instance.startedAt()));
        return instance;
    }

    /** Milliseconds from {@code domain}'s process start to its first ready answer. */
    public long startupMillis(Domain domain) {
        return service(domain).startupMillis();
    }

    /** {@code domain}'s resident memory now, in MiB (Linux; -1 elsewhere). */
    public double rssMib(Domain domain) {
        return service(domain).rssMib();
    }

    private ServiceProcess service(Domain domain) {
        return services.stream().filter(s -> s.domain() == domain).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(domain.id() + " is not running"));
    }

    public String url(Domain domain) {
        return "http://localhost:" + port(domain);
    }

    public BackingServices backing() {
        return backing;
    }

    public int port(Domain domain) {
        return settings.httpPorts().get(domain);
    }

    private Path artifact(Domain domain) {
        Path target = settings.root().resolve(domain.id()).resolve("target");
        if (!settings.nativeExecutables()) {
            return target.resolve("quarkus-app/quarkus-run.jar");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner") && Files.isExecutable(f))
                    .findFirst().orElse(target.resolve("(no native executable)"));
        } catch (java.io.IOException e) {
            return target.resolve("(no native executable)");
        }
    }

    private Map<String, String> configFor(Domain domain) {
        Map<String, String> config = new LinkedHashMap<>(backing.config(domain, true));
        config.put("quarkus.http.port", Integer.toString(port(domain)));
        // local logs are read by people: plain text, not the JSON production ships to the log pipeline
        config.put("quarkus.log.console.json.enabled", "false");
        // no load balancer has to notice a local service stopping: the resilience tests poll readiness every 100 ms
        config.put("quarkus.shutdown.delay", "1s");
        if (domain == Domain.USER) {
            config.put("halyard.admin.email", settings.adminEmail());
            config.put("halyard.admin.password", settings.adminPassword());
        } else {
            // as in production: the other services verify tokens with the user service's published JWKS
            config.put("mp.jwt.verify.publickey.location", url(Domain.USER) + "/users/api/v1/.well-known/jwks.json");
        }
        if (domain == Domain.PRODUCT) {
            config.put("halyard.storage.public-base-url", url(Domain.PRODUCT) + "/products/api/v1/images");
        }
        return config;
    }

    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(extraInstances);
        all.addAll(services);
        // all at once: each spends its pre-shutdown delay waiting, not working
        all.forEach(ServiceProcess::terminate);
        all.forEach(ServiceProcess::awaitStopped);
        services.clear();
        extraInstances.clear();
        if (backing != null) {
            backing.close();
            backing = null;
        }
    }
}
