package dev.halyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A real S3 API (s3proxy over the local file system) in a child JVM: its libraries clash with Quarkus' when
 * loaded into the same class path. Requests are signed and checked like AWS does (SigV4).
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "halyard-local";
    public static final String SECRET_KEY = "halyard-local-secret";
    public static final String REGION = "us-east-1";

    private final Process process;
    private final int port;

    private S3Server(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts s3proxy on {@code port}, keeping objects under {@code directory}/objects. */
    public static S3Server start(Path directory, int port) {
        try {
            Path objects = Files.createDirectories(directory.resolve("objects"));
            Properties config = new Properties();
            config.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            config.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            config.setProperty("s3proxy.identity", ACCESS_KEY);
            config.setProperty("s3proxy.credential", SECRET_KEY);
            config.setProperty("jclouds.provider", "filesystem");
            config.setProperty("jclouds.filesystem.basedir", objects.toString());
            Path file = directory.resolve("s3proxy.properties");
            try (var out = Files.newBufferedWriter(file)) {
                config.store(out, "written by Halyard");
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar().toString(), "--properties", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("s3proxy.log").toFile())
                    .start();
            ProcessReaper.get().watch(process.pid(), "TERM");
            Ports.awaitOpen(port, process, Duration.ofSeconds(60), "s3proxy");
            return new S3Server(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("s3proxy did not start", e);
        }
    }

    /** The s3proxy fat jar the build copied next to this module, or the one named by -Dhalyard.s3proxy.jar. */
    static Path jar() throws IOException {
        String override = System.getProperty("halyard.s3proxy.jar");
        if (override != null) {
            return Path.of(override);
        }
        Properties props = new Properties();
        try (InputStream in = S3Server.class.getResourceAsStream("/halyard-testing.properties")) {
            props.load(in);
        }
        Path jar = Path.of(props.getProperty("s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy jar missing at " + jar + ": build common/testing first");
        }
        return jar;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A client for this server, e.g. to create buckets or inspect what a service stored. */
    public S3Client client() {
        return client(endpoint());
    }

    /** A client for the server at {@code endpoint} (a test's {@code quarkus.s3.endpoint-override}). */
    public static S3Client client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates the bucket unless it exists. */
    public void bucket(String name) {
        try (S3Client s3 = client()) {
            try {
                s3.headBucket(b -> b.bucket(name));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                s3.createBucket(b -> b.bucket(name));
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessReaper.get().forget(process.pid());
    }
}
