package dev.halyard.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.halyard.testing.Domain;
import dev.halyard.testing.local.Platform;

/** The public API as a client uses it: plain HTTP, JSON in and out, thread-safe. */
public final class Client {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER_PASSWORD = "Customer-Password-1";

    /**
     * One answer.
     *
     * @param status HTTP status
     * @param contentType the Content-Type header ("" when absent)
     * @param body the body parsed as JSON (missing when it is not JSON)
     * @param raw the body as text
     */
    public record Answer(int status, String contentType, JsonNode body, String raw) {
    }

    /**
     * A registered, logged-in customer.
     *
     * @param id the user id (the token's subject)
     * @param email the login
     * @param token a bearer token
     */
    public record Customer(UUID id, String email, String token) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Platform platform;

    public Client(Platform platform) {
        this.platform = platform;
    }

    /** {@code http://localhost:<port>/<domain>s/api/v1} */
    public String api(Domain domain) {
        return platform.url(domain) + "/" + domain.id() + "s/api/v1";
    }

    public Answer send(String method, String url, String token, Object body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return answer(response);
    }

    /** A request whose body is {@code bytes} of {@code contentType} (an image upload, say). */
    public Answer sendBytes(String method, String url, String token, String contentType, byte[] bytes)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static Answer answer(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                response.body());
    }

    /** As {@link #send}, failing unless the answer is {@code expected}. */
    public Answer expect(int expected, String method, String url, String token, Object body) {
        try {
            Answer answer = send(method, url, token, body);
            if (answer.status() != expected) {
                throw new AssertionError(method + " " + url + " answered " + answer.status() + ", expected "
                        + expected + ": " + answer.raw());
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String login(String email, String password) {
        return expect(200, "POST", api(Domain.USER) + "/auth/token", null,
                Map.of("email", email, "password", password)).body().path("access_token").asText();
    }

    public String admin() {
        return login(RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD);
    }

    public Customer newCustomer() {
        String email = "c-" + UUID.randomUUID() + "@e2e.test";
        expect(201, "POST", api(Domain.USER) + "/users", null,
                Map.of("email", email, "password", CUSTOMER_PASSWORD, "name", "Customer"));
        String token = login(email, CUSTOMER_PASSWORD);
        return new Customer(subject(token), email, token);
    }

    public List<Customer> newCustomers(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> newCustomer()).toList();
    }

    /** A new product with {@code stock} units; returns its id. */
    public String newProduct(String adminToken, int stock, String price) {
        String id = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        expect(201, "POST", api(Domain.PRODUCT) + "/products", adminToken,
                Map.of("product_id", id, "name", "Product " + id, "stock", stock, "price", new BigDecimal(price)));
        return id;
    }

    public int stock(String product) {
        return expect(200, "GET", api(Domain.PRODUCT) + "/products/" + product, null, null).body().path("stock")
                .asInt();
    }

    /** A place-order request of {@code items} ({@link #item}) under a fresh idempotency key. */
    public static Map<String, Object> orderRequest(List<Map<String, Object>> items) {
        return Map.of("idempotency_key", UUID.randomUUID().toString(), "items", items);
    }

    /** One line of an order request. */
    public static Map<String, Object> item(String productId, String productName, int quantity, String price) {
        return Map.of("product_id", productId, "product_name", productName, "quantity", quantity, "price",
                new BigDecimal(price));
    }

    /** The {@code sub} claim of a JWT, read without verifying it. */
    static UUID subject(String token) {
        try {
            byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return UUID.fromString(JSON.readTree(new String(claims, StandardCharsets.UTF_8)).path("sub").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
