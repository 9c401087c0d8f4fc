package dev.halyard.testing;

import java.nio.file.Path;

/** A JVM that starts PostgreSQL and s3proxy, prints their pids and waits to be killed. */
public final class ReaperFixture {

    public static void main(String[] args) throws Exception {
        BackingServices services = BackingServices.start(Path.of(args[0]), 0, 0, false);
        long postmaster = Long.parseLong(java.nio.file.Files
                .readAllLines(Path.of(args[0], "postgres", "postmaster.pid")).get(0).trim());
        long s3proxy = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("s3proxy"))
                .findFirst().orElseThrow().pid();
        System.out.println("PIDS " + postmaster + " " + s3proxy);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        services.close();
    }
}
