package dev.halyard.testing.local;

/** One line per start-up step: what is starting, dots while waiting, then where it is and how long it took. */
final class Progress {

    private final long began;
    private final boolean verbose;
    private int dots;

    private Progress(String what, boolean verbose, long began) {
        this.verbose = verbose;
        this.began = began;
        if (verbose) {
            System.out.printf("==> %-32s", what);
            System.out.flush();
        }
    }

    static Progress begin(String what, boolean verbose) {
        return new Progress(what, verbose, System.nanoTime());
    }

    /** A step that began earlier (a process started in parallel with others), timed from {@code began}. */
    static Progress begin(String what, boolean verbose, long began) {
        return new Progress(what, verbose, began);
    }

    static void info(String message) {
        System.out.println("==> " + message);
    }

    static void fail(String message) {
        System.out.println();
        System.out.println("!!! " + message);
    }

    /** Shows that we are still waiting; at most a line's worth of dots. */
    void tick() {
        if (verbose && dots++ < 30) {
            System.out.print('.');
            System.out.flush();
        }
    }

    void done(String where) {
        if (!verbose) {
            return;
        }
        System.out.printf(" ready: %s (%.1f s)%n", where, (System.nanoTime() - began) / 1_000_000_000.0);
    }
}
