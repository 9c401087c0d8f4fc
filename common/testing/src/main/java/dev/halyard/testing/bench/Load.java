package dev.halyard.testing.bench;

/**
 * A load generator aimed at one endpoint: closed-model runs give the maximum throughput, open-model runs (a fixed
 * arrival rate, whatever the latency) give the latency at a given load without coordinated omission.
 */
interface Load {

    /** {@code clients} clients sending back to back for {@code seconds}. */
    LoadRun closed(int clients, int seconds);

    /** {@code rate} requests per second for {@code seconds}; a late answer never delays the next request. */
    LoadRun open(int rate, int seconds);
}
