package dev.halyard.testing.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class archive a service's JVM starts from, next to its {@code quarkus-run.jar}. The services are packaged as
 * Quarkus's {@code aot-jar}, whose classes the JDK's own class loaders load, so the archive holds all of them: the
 * {@code fast-jar}'s class loader is one the JDK cannot archive for. On JDK 25 and later it is an AOT cache (JEP 483,
 * 514, 515: classes loaded and linked ahead, and method profiles), before that an AppCDS archive (classes parsed and
 * verified). The first run after a build, or on another JDK, writes it as it exits; every later run maps it.
 * <p>
 * A run from the AOT cache does not replay the method profiles the first run recorded. With them a warm product
 * service served about 15 % fewer reads a second than the same jar without the cache (medians of 18.6-19.9 against
 * 22.2-22.6 thousand, three JVMs side by side, 12 rotations of 15 s runs after warm-up, by hand, 2026-11-23), and
 * without them as many; a start alone took as long either way (medians 3.49 and 3.46 s, five interleaved starts).
 * The profiles come from a start and a few requests, not from the load the JIT later compiles for.
 */
final class ClassArchive {

    private static final String PREFIX = "halyard-";

    private ClassArchive() {
    }

    /**
     * The JVM options to start with, and whether the JVM writes the archive as it exits (which makes its exit
     * slower).
     */
    record Use(List<String> options, boolean writes) {

        Use(String option, boolean writes) {
            this(List.of(option), writes);
        }
    }

    /** A native executable's: it has no class archive. */
    static final Use NONE = new Use(List.of(), false);

    /** Reads the current archive, writes a new one if {@code mayWrite}, or does neither. */
    static Use of(Path app, boolean mayWrite) {
        boolean aotCache = Runtime.version().feature() >= 25;
        String vm = System.getProperty("java.vm.version");
        Path archive = app.resolve(PREFIX + (aotCache ? "aot-" + vm + ".aot" : "cds-" + vm + ".jsa"));
        if (current(app, archive)) {
            // the switch is a diagnostic one, which a later JDK may drop: it is then ignored, not a failed start
            return aotCache
                    ? new Use(List.of("-XX:AOTCache=" + archive, "-XX:+UnlockDiagnosticVMOptions",
                            "-XX:+IgnoreUnrecognizedVMOptions", "-XX:-AOTReplayTraining"), false)
                    : new Use("-XX:SharedArchiveFile=" + archive, false);
        }
        if (mayWrite) {
            return new Use((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive, true);
        }
        return new Use("-Xshare:auto", false);
    }

    /** The archive exists and is newer than every file of the build it was written from. */
    private static boolean current(Path app, Path archive) {
        try (Stream<Path> files = Files.walk(app)) {
            long written = Files.isRegularFile(archive) ? Files.getLastModifiedTime(archive).toMillis() : -1;
            // files only: writing the archive changes the directory's own time
            return written > 0 && files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(PREFIX))
                    .allMatch(f -> lastModified(f) < written);
        } catch (IOException e) {
            return false;
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
