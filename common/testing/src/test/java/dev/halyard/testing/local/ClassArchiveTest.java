package dev.halyard.testing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

    @TempDir
    Path app;

    @Test
    void theFirstRunAfterABuildWritesTheArchiveAndLaterRunsReadIt() throws IOException {
        build(Instant.parse("2026-11-22T10:00:00Z"));
        ClassArchive.Use first = ClassArchive.of(app, true);
        String write = first.options().get(0);
        assertEquals(List.of(write), first.options());
        assertEquals(AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=", prefix(write));
        assertTrue(first.writes());

        Path archive = Path.of(write.substring(write.indexOf('=') + 1));
        assertEquals(app, archive.getParent(), "next to the jar it was written from");
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-11-22T10:05:00Z")));

        ClassArchive.Use later = ClassArchive.of(app, true);
        assertEquals(AOT_CACHE
                ? List.of("-XX:AOTCache=" + archive, "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:-AOTReplayTraining")
                : List.of("-XX:SharedArchiveFile=" + archive), later.options(), "an AOT cache's profiles not replayed");
        assertFalse(later.writes());
    }

    @Test
    void aRebuildMakesTheArchiveStale() throws IOException {
        build(Instant.parse("2026-11-22T10:00:00Z"));
        String write = ClassArchive.of(app, true).options().get(0);
        Path archive = Path.of(write.substring(write.indexOf('=') + 1));
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-11-22T10:05:00Z")));

        build(Instant.parse("2026-11-22T11:00:00Z"));
        assertEquals(List.of(write), ClassArchive.of(app, true).options(), "written again");
    }

    @Test
    void aSecondInstanceNeitherReadsAStaleArchiveNorWritesOne() throws IOException {
        build(Instant.parse("2026-11-22T10:00:00Z"));
        ClassArchive.Use second = ClassArchive.of(app, false);
        assertEquals(List.of("-Xshare:auto"), second.options());
        assertFalse(second.writes());
    }

    private void build(Instant at) throws IOException {
        Path lib = Files.createDirectories(app.resolve("lib/main"));
        for (Path file : new Path[]{app.resolve("quarkus-run.jar"), lib.resolve("dev.halyard.halyard-common.jar")}) {
            Files.writeString(file, "jar");
            Files.setLastModifiedTime(file, FileTime.from(at));
        }
    }

    private static String prefix(String option) {
        return option.substring(0, option.indexOf('=') + 1);
    }
}
