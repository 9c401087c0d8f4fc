package dev.halyard.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessReaperTest {

    @Test
    void serversDieWithAJvmKilledBySigkill() throws Exception {
        Path base = Files.createTempDirectory("reaper-fixture");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process fixture = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), ReaperFixture.class.getName(),
                base.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> pids;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(fixture.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("PIDS "));
            if (line == null) {
                throw new AssertionError("fixture exited without starting its servers");
            }
            pids = List.of(Long.parseLong(line.split(" ")[1]), Long.parseLong(line.split(" ")[2]));
        }
        for (long pid : pids) {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "started " + pid);
        }

        new ProcessBuilder("kill", "-9", Long.toString(fixture.pid())).start().waitFor();
        fixture.waitFor();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && pids.stream().anyMatch(ProcessReaperTest::alive)) {
            Thread.sleep(200);
        }
        for (long pid : pids) {
            assertFalse(alive(pid), "process " + pid + " outlived the killed JVM");
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
