package dev.halyard.testing.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What a figure was measured on, for reports: figures mean little without the machine they came from. */
public final class Machine {

    private Machine() {
    }

    /** E.g. "amd64, 2 CPUs (Intel Xeon ...), 23.4 GiB, Java 17.0.15". */
    public static String describe() {
        String cpu = cpuModel();
        long memoryKib = memTotalKib();
        return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs"
                + (cpu.isEmpty() ? "" : " (" + cpu + ")")
                + (memoryKib > 0 ? String.format(Locale.ROOT, ", %.1f GiB", memoryKib / 1024.0 / 1024.0) : "")
                + ", Java " + System.getProperty("java.version");
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").orElse("");
    }

    private static long memTotalKib() {
        return procLine("/proc/meminfo", "MemTotal").map(Machine::kib).orElse(-1L);
    }

    /** "16384 kB" as 16384. */
    static long kib(String value) {
        return Long.parseLong(value.replaceAll("[^0-9]", ""));
    }

    /** The value of the first "key: value" line of a /proc file; empty where there is none (not Linux). */
    static Optional<String> procLine(String file, String key) {
        return firstLine(file, key).map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " "));
    }

    /** The first line of a file that starts with {@code prefix}, as it is; empty where there is none. */
    public static Optional<String> firstLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
