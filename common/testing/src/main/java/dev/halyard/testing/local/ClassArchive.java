package dev.halyard.testing.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The class archive a service's JVM starts from, next to its {@code quarkus-run.jar}. The services are packaged as
 * Quarkus's {@code aot-jar}, whose classes the JDK's own class loaders load, so the archive holds all of them: the
 * {@code fast-jar}'s class loader is one the JDK cannot archive for. On JDK 25 and later it is an AOT cache (JEP 483,
 * 514, 515: classes loaded and linked ahead, and method profiles), before that an AppCDS archive (classes parsed and
 * verified). The first run after a build, or on another JDK, writes it as it exits; every later run maps it.
 */
final class ClassArchive {

    private static final String PREFIX = "halyard-";

    private ClassArchive() {
    }

    /**
     * The JVM option to start with, and whether the JVM writes the archive as it exits (which makes its exit
     * slower).
     */
    record Use(String option, boolean writes) {
    }

    /** A native executable's: it has no class archive. */
    static final Use NONE = new Use("", false);

    /** Reads the current archive, writes a new one if {@code mayWrite}, or does neither. */
    static Use of(Path app, boolean mayWrite) {
        boolean aotCache = Runtime.version().feature() >= 25;
        String vm = System.getProperty("java.vm.version");
        Path archive = app.resolve(PREFIX + (aotCache ? "aot-" + vm + ".aot" : "cds-" + vm + ".jsa"));
        if (current(app, archive)) {
            return new Use((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive, false);
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
