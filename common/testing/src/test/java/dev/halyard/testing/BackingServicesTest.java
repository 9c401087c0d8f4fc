package dev.halyard.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class BackingServicesTest {

    private final BackingServices services = BackingServices.shared();

    @Test
    void eachDomainGetsItsOwnDatabaseOwnedByItsOwnRole() throws Exception {
        Map<String, String> product = services.config(Domain.PRODUCT, false);
        Map<String, String> user = services.config(Domain.USER, false);
        assertTrue(product.get("quarkus.datasource.jdbc.url").endsWith("/productdb"));
        assertTrue(user.get("quarkus.datasource.jdbc.url").endsWith("/userdb"));
        try (Connection c = DriverManager.getConnection(product.get("quarkus.datasource.jdbc.url"),
                product.get("quarkus.datasource.username"), product.get("quarkus.datasource.password"));
                Statement s = c.createStatement()) {
            s.execute("create table if not exists probe (v int)");
            s.execute("insert into probe values (42)");
            ResultSet rs = s.executeQuery("select current_user, sum(v), version() from probe");
            rs.next();
            assertEquals("product", rs.getString(1));
            assertTrue(rs.getInt(2) >= 42);
            assertTrue(rs.getString(3).startsWith("PostgreSQL 17"), rs.getString(3));
        }
    }

    @Test
    void s3StoresAndReturnsObjectsInTheDomainBucket() {
        services.config(Domain.PRODUCT, false);
        try (S3Client s3 = services.s3().client()) {
            byte[] content = "hello halyard".getBytes(StandardCharsets.UTF_8);
            s3.putObject(b -> b.bucket(Domain.PRODUCT.bucket()).key("probe/hello.txt").contentType("text/plain"),
                    RequestBody.fromBytes(content));
            byte[] read = s3.getObjectAsBytes(b -> b.bucket(Domain.PRODUCT.bucket()).key("probe/hello.txt"))
                    .asByteArray();
            assertArrayEquals(content, read);
        }
    }

    @Test
    void kafkaDeliversWhatWasProduced() throws Exception {
        String bootstrap = services.kafka().bootstrapServers();
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", bootstrap);
        producerProps.put("key.serializer", StringSerializer.class.getName());
        producerProps.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>("probe-events", "order-1", "placed")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", bootstrap);
        consumerProps.put("group.id", "probe");
        consumerProps.put("auto.offset.reset", "earliest");
        consumerProps.put("key.deserializer", StringDeserializer.class.getName());
        consumerProps.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of("probe-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    var record = records.iterator().next();
                    assertEquals("order-1", record.key());
                    assertEquals("placed", record.value());
                    return;
                }
            }
        }
        throw new AssertionError("no record consumed within 30 s");
    }
}
