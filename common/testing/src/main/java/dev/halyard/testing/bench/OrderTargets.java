package dev.halyard.testing.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Order placements as vegeta's JSON targets, one per line: each a POST of two lines of distinct products at random
 * (as most baskets have more than one), with an idempotency key of its own and the customers' tokens in turn.
 * Written as text into a fixed shape: the stream is made while the load runs, on the same two cores.
 */
final class OrderTargets {

    private final String url;
    private final int firstProduct;
    private final int products;
    private final String price;
    private final List<String> headers;

    /**
     * @param base the order service's URL
     * @param firstProduct the first of the shop's product ids
     * @param products how many products follow it
     * @param price every product's price, as the shop created them
     * @param tokens customers' bearer tokens
     */
    OrderTargets(String base, int firstProduct, int products, String price, List<String> tokens) {
        if (tokens.isEmpty() || products < 2) {
            throw new IllegalArgumentException("orders need a customer's token and two products");
        }
        this.url = base + "/orders/api/v1/orders";
        this.firstProduct = firstProduct;
        this.products = products;
        this.price = price;
        this.headers = tokens.stream()
                .map(token -> "{\"Content-Type\":[\"application/json\"],\"Authorization\":[\"Bearer " + token + "\"]}")
                .toList();
    }

    /** The request body of the {@code n}th order of run {@code run}. */
    private String body(String run, long n, SplittableRandom random) {
        int a = firstProduct + random.nextInt(products);
        int b = firstProduct + random.nextInt(products - 1);
        if (b >= a) {
            b++;
        }
        return "{\"idempotency_key\":\"" + run + "-" + n + "\",\"items\":[" + line(a) + "," + line(b) + "]}";
    }

    /** The {@code n}th target of run {@code run}: one line of vegeta's JSON target format. */
    String target(String run, long n, SplittableRandom random) {
        String body = Base64.getEncoder().encodeToString(body(run, n, random).getBytes(StandardCharsets.UTF_8));
        return "{\"method\":\"POST\",\"url\":\"" + url + "\",\"body\":\"" + body + "\",\"header\":"
                + headers.get((int) (n % headers.size())) + "}\n";
    }

    /**
     * Writes targets into {@code out} until its reader closes it (vegeta, when its run is over), which is how this
     * returns.
     */
    void stream(String run, OutputStream out) {
        SplittableRandom random = new SplittableRandom();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            for (long n = 0;; n++) {
                writer.write(target(run, n, random));
            }
        } catch (IOException closedByTheReader) {
            // the run is over: vegeta exits without reading the rest
        }
    }

    private String line(int product) {
        return "{\"product_id\":\"" + product + "\",\"product_name\":\"Bench " + product + "\",\"quantity\":1,"
                + "\"price\":" + price + "}";
    }
}
