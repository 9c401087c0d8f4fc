package dev.halyard.e2e.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.halyard.testing.Domain;

/**
 * A steady stream of orders, each from a random customer for {@code minLines} to {@code maxLines} distinct products. The client behaves as
 * a careful real one: when the service cannot answer (connection refused or reset, timeout, 5xx) it retries the same
 * order with the same idempotency key until it gets an answer, for up to {@code patience}. So "accepted" counts
 * orders, not attempts, and an order the service committed but could not acknowledge is not counted twice.
 */
public final class OrderStream implements AutoCloseable {

    /** Every product of a scenario has this price, so any mix of lines is a valid order. */
    public static final String PRICE = "1.00";

    /**
     * One order line.
     *
     * @param productId the product
     * @param quantity units
     */
    public record Line(String productId, int quantity) {
    }

    /**
     * An order the service accepted (201).
     *
     * @param orderId its id
     * @param lines what it asked for
     * @param sentAt {@link System#nanoTime()} when its first attempt was sent
     */
    public record Placed(UUID orderId, List<Line> lines, long sentAt) {
    }

    private final Client client;
    private final List<Client.Customer> customers;
    private final List<String> products;
    private final int minLines;
    private final int maxLines;
    private final long patienceMillis;
    private final Random random = new Random(42);
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final List<Placed> accepted = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<String, AtomicInteger> retriedOn = new ConcurrentHashMap<>();
    private java.util.function.BooleanSupplier routable = () -> true;

    public OrderStream(Client client, List<Client.Customer> customers, List<String> products, int minLines,
            int maxLines, java.time.Duration patience) {
        this.client = client;
        this.customers = customers;
        this.products = products;
        this.minLines = minLines;
        this.maxLines = maxLines;
        this.patienceMillis = patience.toMillis();
    }

    /**
     * Sends only while {@code routable} holds, as a load balancer routes only to a ready instance; orders the
     * balancer would not route here are not sent (in a cluster, another replica would take them).
     */
    public OrderStream routedWhile(java.util.function.BooleanSupplier routable) {
        this.routable = routable;
        return this;
    }

    /** Sends {@code perSecond} orders a second, each on its own thread, until {@link #stop()}. */
    public OrderStream start(int perSecond) {
        clock.scheduleAtFixedRate(() -> {
            if (!routable.getAsBoolean()) {
                return;
            }
            List<Line> lines = nextLines();
            Client.Customer customer;
            synchronized (random) {
                customer = customers.get(random.nextInt(customers.size()));
            }
            sent.incrementAndGet();
            senders.execute(() -> place(customer, lines));
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    /** Sends {@code count} orders at once, one thread each, and waits for every answer. */
    public void burst(int count) throws InterruptedException {
        List<Runnable> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Line> lines = nextLines();
            Client.Customer customer = customers.get(i % customers.size());
            orders.add(() -> place(customer, lines));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (Runnable order : orders) {
            sent.incrementAndGet();
            senders.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.run();
            });
        }
        start.countDown();
        stop();
    }

    /** Stops sending and waits until every order sent has its answer (or ran out of patience). */
    public void stop() throws InterruptedException {
        clock.shutdownNow();
        senders.shutdown();
        if (!senders.awaitTermination(patienceMillis + 30_000, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("orders still unanswered after " + (patienceMillis + 30_000) + " ms");
        }
    }

    private List<Line> nextLines() {
        synchronized (random) {
            List<String> shuffled = new ArrayList<>(products);
            Collections.shuffle(shuffled, random);
            int count = minLines + random.nextInt(maxLines - minLines + 1);
            return shuffled.subList(0, count).stream().map(p -> new Line(p, 1 + random.nextInt(2))).toList();
        }
    }

    private void place(Client.Customer customer, List<Line> lines) {
        Map<String, Object> body = Client.orderRequest(lines.stream()
                .map(l -> Client.item(l.productId(), "Product " + l.productId(), l.quantity(), PRICE)).toList());
        long sentAt = System.nanoTime();
        long deadline = System.currentTimeMillis() + patienceMillis;
        String url = client.api(Domain.ORDER) + "/orders";
        int retries = 0;
        while (true) {
            attempts.incrementAndGet();
            String why;
            try {
                Client.Answer answer = client.send("POST", url, customer.token(), body);
                if (answer.status() == 201) {
                    accepted.add(new Placed(UUID.fromString(answer.body().path("order_id").asText()), lines,
                            sentAt));
                    return;
                }
                if (answer.status() < 500) {
                    refused.add(answer.status() + " " + answer.raw());
                    return;
                }
                why = Integer.toString(answer.status());
            } catch (IOException e) {
                why = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retriedOn.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
            if (System.currentTimeMillis() > deadline) {
                failed.incrementAndGet();
                return;
            }
            // back off, as a careful client does: hundreds of orders retrying every 250 ms would slow the very
            // restart they wait for
            sleep(Math.min(2_000, 250L << Math.min(3, retries++)));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int sent() {
        return sent.get();
    }

    public List<Placed> accepted() {
        return List.copyOf(accepted);
    }

    /** Orders the service answered with a 4xx: none expected, a valid order is never the client's fault. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Orders that never got an answer within the patience. */
    public int failed() {
        return failed.get();
    }

    public int attempts() {
        return attempts.get();
    }

    /** Why attempts were retried (status or exception) and how often: what the client went through. */
    public Map<String, Integer> retriedOn() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        retriedOn.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdownNow();
    }
}
