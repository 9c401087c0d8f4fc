package dev.halyard.testing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.halyard.testing.Domain;
import dev.halyard.testing.local.ColdStart;
import dev.halyard.testing.local.Platform;

/**
 * What the load runs against, made through the public API as a shop would: products with stock that a benchmark
 * cannot exhaust, and customers who log in for tokens.
 */
final class Shop {

    /** Product ids are FIRST_PRODUCT.. (digits, so pgbench can pick one at random as the load does). */
    static final int FIRST_PRODUCT = 1000;
    static final String PRICE = "10.00";
    private static final int STOCK = 1_000_000_000;
    private static final String CUSTOMER_PASSWORD = "Bench-Customer-Password-1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Platform platform;
    private final int products;
    private final List<String> customers = new ArrayList<>();

    private Shop(Platform platform, int products) {
        this.platform = platform;
        this.products = products;
    }

    static Shop open(Platform platform, int products, int customers) {
        Shop shop = new Shop(platform, products);
        String admin = shop.login(ColdStart.ADMIN_EMAIL, ColdStart.ADMIN_PASSWORD);
        for (int i = 0; i < products; i++) {
            String id = Integer.toString(FIRST_PRODUCT + i);
            shop.send(Domain.PRODUCT, "/products/api/v1/products", admin, Map.of("product_id", id, "name",
                    "Bench " + id, "price", new java.math.BigDecimal(PRICE), "stock", STOCK), 201);
        }
        for (int i = 0; i < customers; i++) {
            String email = "customer-" + i + "@bench.local";
            shop.send(Domain.USER, "/users/api/v1/users", null,
                    Map.of("email", email, "password", CUSTOMER_PASSWORD, "name", "Customer " + i), 201);
            shop.customers.add(email);
        }
        return shop;
    }

    /** Fresh tokens for every customer (they live 15 minutes; a full benchmark takes longer). */
    List<String> tokens() {
        return customers.stream().map(email -> login(email, CUSTOMER_PASSWORD)).toList();
    }

    /** Order placements by the shop's customers (logged in now) for its products. */
    OrderTargets orderTargets() {
        return new OrderTargets(platform.url(Domain.ORDER), FIRST_PRODUCT, products, PRICE, tokens());
    }

    /** pgbench's variables: the same product range. */
    Map<String, String> pgbenchVariables() {
        return Map.of("first", Integer.toString(FIRST_PRODUCT), "last",
                Integer.toString(FIRST_PRODUCT + products - 1));
    }

    /** An ORDER_PLACED event of two lines as the order service writes it to its outbox (the raw run's row). */
    static String orderPlacedEvent(String userId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("type", "ORDER_PLACED");
        event.put("version", 1);
        event.put("occurred_at", "2026-11-21T10:00:00.123456Z");
        event.put("order_id", UUID.randomUUID().toString());
        event.put("user_id", userId);
        event.put("lines", List.of(line(FIRST_PRODUCT), line(FIRST_PRODUCT + 1)));
        event.put("total", new java.math.BigDecimal("20.00"));
        event.put("reason", null);
        try {
            return Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> line(int product) {
        return Map.of("product_id", Integer.toString(product), "product_name", "Bench " + product, "quantity", 1,
                "price", new java.math.BigDecimal(PRICE));
    }

    int products() {
        return products;
    }

    private String login(String email, String password) {
        return send(Domain.USER, "/users/api/v1/auth/token", null, Map.of("email", email, "password", password), 200)
                .path("access_token").asText();
    }

    JsonNode send(Domain domain, String path, String token, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(domain) + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
