package dev.halyard.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every rendered manifest and every file under argocd/ is valid against the Kubernetes 1.33 schemas and the CRD
 * schemas, strictly: an unknown or misspelt field fails, and so does a kind without a schema.
 */
class ManifestSchemaTest {

    @Test
    void renderedChartsAndArgoCdAreValid() {
        Rendered.all();
        List<String> command = new ArrayList<>(List.of(Repo.tool("kubeconform").toString(), "-strict", "-summary",
                "-kubernetes-version", Rendered.KUBE_VERSION));
        for (String location : Repo.schemaLocations()) {
            command.add("-schema-location");
            command.add(location);
        }
        Path rendered = Repo.target().resolve("rendered");
        command.add(rendered.toString());
        command.add(Repo.argocd().toString());
        Repo.Run run = Repo.Run.of(Repo.root(), command, 600);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Invalid: 0, Errors: 0"), run.output());
        assertTrue(!run.output().contains("Valid: 0,"), "nothing was validated: " + run.output());
    }
}
