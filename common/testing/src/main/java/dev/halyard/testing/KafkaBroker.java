package dev.halyard.testing;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) inside this JVM, so it cannot outlive it.
 * Same protocol and semantics as production brokers; only the replication factors are 1.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaBroker start(Path baseDirectory) {
        try {
            // every start formats a new cluster (a new cluster id), so what an earlier run left, even one killed
            // before it could clean up, is unusable and would fail the format
            Directories.deleteTree(baseDirectory);
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDirectory)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            // the storage formatter prints to stdout; the local run's progress display is ours
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                cluster.format();
            } finally {
                System.setOut(out);
            }
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start", e);
        }
    }

    /**
     * Creates topics up front, as Terraform does for MSK. Consumers that subscribe before a topic exists only
     * notice it at their next metadata refresh, which would delay the first saga by many seconds.
     */
    public void createTopics(List<String> names, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + names, e);
        }
    }

    /**
     * Stops the broker, as an outage would: clients lose their connections and retry. Its controller and log
     * directories stay, so {@link #resume()} brings back the same broker on the same port with its data.
     */
    public void stop() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the stopped broker again and waits until it serves. */
    public void resume() {
        try {
            broker().startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not come back", e);
        }
    }

    private kafka.server.BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not stop cleanly", e);
        }
    }
}
