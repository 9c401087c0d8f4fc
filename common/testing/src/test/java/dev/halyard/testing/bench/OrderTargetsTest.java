package dev.halyard.testing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class OrderTargetsTest {

    private final OrderTargets targets = new OrderTargets("http://localhost:8080", 1000, 3, "10.00",
            List.of("token-a", "token-b"));

    @Test
    void eachTargetPostsAnOrderOfTwoDistinctProductsWithAKeyOfItsOwn() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> keys = new HashSet<>();
        for (int n = 0; n < 200; n++) {
            JsonNode target = Json.MAPPER.readTree(targets.target("run", n, random));
            assertEquals("POST", target.path("method").asText());
            assertEquals("http://localhost:8080/orders/api/v1/orders", target.path("url").asText());
            assertEquals("application/json", target.path("header").path("Content-Type").path(0).asText());
            assertEquals("Bearer token-" + (n % 2 == 0 ? "a" : "b"),
                    target.path("header").path("Authorization").path(0).asText(), "customers in turn");
            JsonNode body = Json.MAPPER.readTree(Base64.getDecoder().decode(target.path("body").asText()));
            assertTrue(keys.add(body.path("idempotency_key").asText()), "unique idempotency keys");
            JsonNode items = body.path("items");
            assertEquals(2, items.size());
            assertNotEquals(items.path(0).path("product_id").asText(), items.path(1).path("product_id").asText());
            for (JsonNode item : items) {
                int product = Integer.parseInt(item.path("product_id").asText());
                assertTrue(product >= 1000 && product < 1003, "a product of the shop: " + product);
                assertEquals("Bench " + product, item.path("product_name").asText());
                assertEquals(1, item.path("quantity").asInt());
                assertEquals(10.0, item.path("price").asDouble(), 1e-9);
            }
        }
    }

    @Test
    void streamsTargetsUntilItsReaderStopsReading() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        // a reader that goes away after about 10 kB, as vegeta does when its run is over
        OutputStream reader = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (received.size() > 10_000) {
                    throw new IOException("Broken pipe");
                }
                received.write(b, off, len);
            }
        };
        targets.stream("run", reader);
        String[] lines = received.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines.length > 10, "targets were written: " + lines.length);
        assertTrue(lines[0].startsWith("{\"method\":\"POST\""), lines[0]);
    }
}
