package dev.halyard.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Grafana's dashboards, as the chart renders them: JSON inside a ConfigMap is only a string to Kubernetes and to
 * kubeconform, and Grafana's sidecar skips a dashboard it cannot parse without telling anyone.
 */
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRenderedDashboardParsesAndEachPanelQueriesSomething() throws JsonProcessingException {
        int dashboards = 0;
        for (Map.Entry<String, String> rendered : Rendered.all().entrySet()) {
            List<JsonNode> maps = Rendered.ofKind(rendered.getValue(), "ConfigMap")
                    .filter(map -> "1".equals(map.path("metadata").path("labels").path("grafana_dashboard").asText()))
                    .toList();
            for (JsonNode map : maps) {
                for (JsonNode data : map.path("data")) {
                    JsonNode dashboard = JSON.readTree(data.asText());
                    dashboards++;
                    assertPanelsQueryAndDoNotOverlap(rendered.getKey(), dashboard);
                }
            }
        }
        assertTrue(dashboards >= Repo.SERVICES.size(), "a dashboard per service with the default values");
    }

    private static void assertPanelsQueryAndDoNotOverlap(String chart, JsonNode dashboard) {
        JsonNode panels = dashboard.path("panels");
        assertFalse(panels.isEmpty(), chart + ": no panels");
        List<int[]> cells = new ArrayList<>();
        for (JsonNode panel : panels) {
            String title = chart + " / " + panel.path("title").asText();
            assertFalse(panel.path("targets").isEmpty(), title + ": no query");
            for (JsonNode target : panel.path("targets")) {
                assertFalse(target.path("expr").asText().isBlank(), title + ": an empty query");
            }
            JsonNode grid = panel.path("gridPos");
            int[] cell = {grid.path("x").asInt(), grid.path("y").asInt(), grid.path("w").asInt(),
                    grid.path("h").asInt()};
            for (int[] other : cells) {
                boolean apart = cell[0] + cell[2] <= other[0] || other[0] + other[2] <= cell[0]
                        || cell[1] + cell[3] <= other[1] || other[1] + other[3] <= cell[1];
                assertTrue(apart, title + " overlaps another panel");
            }
            cells.add(cell);
        }
    }
}
