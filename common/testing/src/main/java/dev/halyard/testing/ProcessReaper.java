package dev.halyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes sure the processes we start die with this JVM, also when it is killed with SIGKILL and no shutdown hook
 * runs. A detached watchdog shell polls this JVM's pid; when it is gone, it signals every process still
 * registered, waits, then kills what is left. Processes stopped cleanly are unregistered first.
 */
public final class ProcessReaper {

    private static final String WATCHDOG = """
            trap '' INT HUP
            parent=$1; registry=$2
            while kill -0 "$parent" 2>/dev/null; do sleep 1; done
            [ -f "$registry" ] || exit 0
            while read -r sig pid; do kill -"$sig" "$pid" 2>/dev/null; done < "$registry"
            sleep 5
            while read -r sig pid; do kill -KILL "$pid" 2>/dev/null; done < "$registry"
            rm -f "$registry"
            """;

    private static ProcessReaper instance;

    private final Path registry;
    private final Map<Long, String> watched = new LinkedHashMap<>();

    private ProcessReaper(Path registry) {
        this.registry = registry;
    }

    /** The reaper of this JVM, starting its watchdog on first use. */
    public static synchronized ProcessReaper get() {
        if (instance == null) {
            try {
                Path registry = Files.createTempFile("halyard-reaper-", ".pids");
                instance = new ProcessReaper(registry);
                instance.startWatchdog();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Watch {@code pid}; {@code signal} (e.g. TERM, INT) asks it to stop when this JVM is gone. */
    public synchronized void watch(long pid, String signal) {
        watched.put(pid, signal);
        write();
    }

    public synchronized void forget(long pid) {
        watched.remove(pid);
        write();
    }

    private void startWatchdog() throws IOException {
        String self = Long.toString(ProcessHandle.current().pid());
        // setsid: the watchdog leaves our process group, so a Ctrl-C meant for us does not stop it first
        ProcessBuilder builder = new ProcessBuilder("setsid", "sh", "-c", WATCHDOG, "halyard-reaper", self,
                registry.toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            builder.start();
        } catch (IOException noSetsid) {
            builder.command().remove(0);
            builder.start();
        }
    }

    private void write() {
        String lines = watched.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Path tmp = registry.resolveSibling(registry.getFileName() + ".tmp");
            Files.writeString(tmp, lines);
            Files.move(tmp, registry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
