package dev.halyard.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario did, for the closing note and the README: one JSON file per scenario under
 * {@code e2e/target/resilience/}, and one line on the test output.
 */
public final class Scoreboard {

    private Scoreboard() {
    }

    /**
     * Records a scenario's figures.
     *
     * @param scenario its name, also the file's
     * @param sent requests (or orders) sent
     * @param accepted answered with success
     * @param settled orders that reached a final state (or requests that completed), -1 where not applicable
     * @param failed never answered with success
     * @param invariant what was checked
     * @param details anything else worth keeping
     */
    public static void record(String scenario, int sent, int accepted, int settled, int failed, String invariant,
            Map<String, ?> details) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scenario", scenario);
        figures.put("sent", sent);
        figures.put("accepted", accepted);
        figures.put("settled", settled);
        figures.put("failed", failed);
        figures.put("invariant", invariant);
        figures.put("details", details);
        try {
            Path dir = RunningPlatform.root().resolve("e2e/target/resilience");
            Files.createDirectories(dir);
            String json = Client.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures);
            Files.writeString(dir.resolve(scenario + ".json"), json);
            System.out.println("RESILIENCE " + Client.JSON.writeValueAsString(figures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
