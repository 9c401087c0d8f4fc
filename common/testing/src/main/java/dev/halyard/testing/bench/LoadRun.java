package dev.halyard.testing.bench;

/**
 * One load run's figures: vegeta's ({@link Vegeta}) or oha's ({@link Oha}).
 *
 * @param requests requests completed
 * @param rps requests answered with the expected status, per second
 * @param failed requests not answered with the expected status
 * @param dropped open model only: requests the load tool did not send within the run (it fell behind its schedule)
 * @param p50Ms median latency
 * @param p95Ms 95th percentile
 * @param p99Ms 99th percentile
 * @param maxMs slowest request
 */
public record LoadRun(long requests, double rps, long failed, long dropped, double p50Ms, double p95Ms,
        double p99Ms, double maxMs) {

    /**
     * What an open run at {@code rate} for {@code seconds} asked for and did not send: a load tool that fell behind
     * its schedule sends fewer than rate × seconds requests. A closed run ({@code rate} 0) drops nothing.
     */
    static long dropped(int rate, int seconds, long sent) {
        return rate > 0 ? Math.max(0, (long) rate * seconds - sent) : 0;
    }
}
