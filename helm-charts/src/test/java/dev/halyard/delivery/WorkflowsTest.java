package dev.halyard.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The GitHub Actions workflows cannot run here, so they are proven by the tools that read them (actionlint with
 * shellcheck, checkov, the workflow and Renovate schemas) and by our own rules: pinned actions, bounded jobs, and
 * every command a workflow runs exists in the repository — a renamed profile, script or module fails here, not on
 * main.
 */
class WorkflowsTest {

    private static final Path WORKFLOWS = Repo.root().resolve(".github/workflows");
    private static final List<String> SCRIPTS = List.of(".ci/run", ".ci/tools", ".ci/set-image-tag", ".ci/promote",
            ".ci/terraform", "halyard");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
    private static final Pattern MVNW = Pattern.compile("\\./mvnw\\b([^\\n]*)");
    private static final Pattern SCRIPT = Pattern.compile("(?<![\\w/])(\\.ci/[\\w-]+|\\./halyard)((?: +[\\w\"$.-]+)*)");
    private static final Pattern REPO_PATH = Pattern
            .compile("(?<![\\w/.])((?:order|product|user|common|helm-charts|argocd|terraform)/[\\w./*{}-]+)");

    @Test
    void actionlintAndShellcheckAcceptEveryWorkflow() {
        Repo.Run run = Repo.Run.of(Repo.root(), List.of(Repo.tool("actionlint").toString(), "-shellcheck",
                Repo.tool("shellcheck").toString(), "-no-color"), 300);
        assertEquals(0, run.exit(), run.output());
    }

    @Test
    void shellcheckAcceptsTheScriptsWorkflowsCall() {
        List<String> command = new ArrayList<>(List.of(Repo.tool("shellcheck").toString()));
        command.addAll(SCRIPTS);
        Repo.Run run = Repo.Run.of(Repo.root(), command, 300);
        assertEquals(0, run.exit(), run.output());
    }

    @Test
    void checkovFindsNothingInWorkflowsAndContainerFiles() {
        List<String> command = new ArrayList<>(List.of(Repo.tool("checkov").toString(), "--config-file",
                ".ci/checkov.yaml", "--framework", "github_actions", "dockerfile", "-d", ".github/workflows"));
        for (String service : Repo.SERVICES) {
            assertTrue(Files.isRegularFile(Repo.root().resolve(service + "/src/main/docker/Dockerfile.native-micro")));
            assertTrue(Files.isRegularFile(Repo.root().resolve(service + "/src/main/docker/Dockerfile.jvm")));
            command.addAll(List.of("-d", service + "/src/main/docker"));
        }
        Repo.Run run = Repo.Run.of(Repo.root(), command, 900);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("github_actions scan results") && run.output().contains(
                "dockerfile scan results"), run.output());
    }

    @Test
    void workflowsAndRenovateMatchTheirSchemas() {
        String validator = Repo.tool("check-jsonschema").toString();
        List<String> workflows = new ArrayList<>(List.of(validator, "--builtin-schema", "vendor.github-workflows"));
        workflows.addAll(workflows().stream().map(Path::toString).toList());
        Repo.Run run = Repo.Run.of(Repo.root(), workflows, 300);
        assertEquals(0, run.exit(), run.output());
        run = Repo.Run.of(Repo.root(), List.of(validator, "--builtin-schema", "vendor.renovate",
                ".github/renovate.json"), 300);
        assertEquals(0, run.exit(), run.output());
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersionNamed() {
        for (Path workflow : workflows()) {
            for (String line : Repo.read(workflow).lines().filter(l -> l.trim().startsWith("uses:")
                    || l.trim().startsWith("- uses:")).toList()) {
                String uses = line.substring(line.indexOf("uses:") + 5).trim();
                assertTrue(PINNED.matcher(uses.split("\\s+")[0]).matches(), workflow.getFileName() + ": " + line);
                assertTrue(uses.matches(".*#\\s*v?\\d+(\\.\\d+)*.*"), "say the version beside the SHA: " + line);
            }
        }
    }

    @Test
    void everyWorkflowIsLeastPrivilegeAndBounded() {
        for (Path workflow : workflows()) {
            JsonNode root = Repo.yaml(workflow);
            String name = workflow.getFileName().toString();
            assertEquals("read", root.path("permissions").path("contents").asText(), name + ": contents: read");
            assertEquals(1, root.path("permissions").size(), name + ": only contents at the top; jobs add more");
            assertTrue(root.has("concurrency"), name + ": concurrency group");
            root.path("jobs").fields().forEachRemaining(job -> {
                assertTrue(job.getValue().has("timeout-minutes"), name + " " + job.getKey() + ": timeout-minutes");
                assertFalse(job.getValue().path("permissions").isTextual(), name + " " + job.getKey()
                        + ": no read-all/write-all");
            });
            assertFalse(Repo.read(workflow).contains("aws-access-key-id"), name + ": OIDC, never stored keys");
        }
    }

    /** The native job runs on ARM runners and pushes through OIDC; its GitOps job writes only the dev values. */
    @Test
    void nativeWorkflowBuildsOnArmAndDeploysThroughGit() {
        JsonNode jobs = Repo.yaml(WORKFLOWS.resolve("native.yml")).path("jobs");
        assertEquals("ubuntu-24.04-arm", jobs.path("image").path("runs-on").asText());
        assertEquals(Set.copyOf(Repo.SERVICES), strings(jobs.path("image").path("strategy").path("matrix")
                .path("service")));
        assertEquals("write", jobs.path("image").path("permissions").path("id-token").asText());
        assertEquals("write", jobs.path("gitops").path("permissions").path("contents").asText());
        String gitops = runs(jobs.path("gitops")).toString();
        assertTrue(gitops.contains(".ci/set-image-tag dev"), gitops);
    }

    /** setup-terraform installs the Terraform the tests validate with (.ci/tools), or the two drift apart. */
    @Test
    void workflowsUseTheTerraformTheTestsUse() {
        Matcher pinned = Pattern.compile("(?m)^TERRAFORM_VERSION=v(\\S+)$").matcher(Repo.read(Repo.root()
                .resolve(".ci/tools")));
        assertTrue(pinned.find());
        List<String> versions = Repo.yaml(WORKFLOWS.resolve("terraform.yml")).findValuesAsText("terraform_version");
        assertFalse(versions.isEmpty());
        assertEquals(Set.of(pinned.group(1)), Set.copyOf(versions));
    }

    @Test
    void everyCommandAWorkflowRunsExists() {
        Set<String> profiles = new TreeSet<>();
        Matcher id = Pattern.compile("<profile>\\s*(?:<!--.*?-->\\s*)?<id>([\\w-]+)</id>", Pattern.DOTALL)
                .matcher(Repo.read(Repo.root().resolve("pom.xml")));
        while (id.find()) {
            profiles.add(id.group(1));
        }
        int checked = 0;
        for (Path workflow : workflows()) {
            JsonNode jobs = Repo.yaml(workflow).path("jobs");
            for (Map.Entry<String, JsonNode> job : jobs.properties()) {
                Set<String> services = strings(job.getValue().path("strategy").path("matrix").path("service"));
                for (String run : runs(job.getValue())) {
                    for (String text : expand(run, services)) {
                        checked += checkCommands(workflow.getFileName() + " " + job.getKey(), text, profiles);
                    }
                }
            }
        }
        assertTrue(checked >= 10, "commands found in the workflows: " + checked);
    }

    /** The GitOps contract: the script CI calls changes image.tag and nothing else. */
    @Test
    void setImageTagChangesOnlyTheTag() throws Exception {
        Path copy = Files.createTempDirectory(Repo.target(), "gitops");
        for (String service : Repo.SERVICES) {
            for (String env : List.of("dev", "prod")) {
                Path values = Repo.chart(service).resolve("values-" + env + ".yaml");
                Repo.write(copy.resolve("helm-charts/" + service + "/values-" + env + ".yaml"), Repo.read(values));
            }
        }
        Map<String, String> env = Map.of("HALYARD_ROOT", copy.toString());
        Repo.Run run = Repo.Run.of(Repo.root(), List.of(".ci/set-image-tag", "dev", "3f2a9c1b7d4e", "order",
                "product", "user"), env, 60);
        assertEquals(0, run.exit(), run.output());
        for (String service : Repo.SERVICES) {
            Path values = copy.resolve("helm-charts/" + service + "/values-dev.yaml");
            JsonNode before = Repo.yaml(Repo.chart(service).resolve("values-dev.yaml"));
            JsonNode after = Repo.yaml(values);
            assertEquals("3f2a9c1b7d4e", after.path("image").path("tag").asText());
            ((ObjectNode) after.path("image")).set("tag", before.path("image").path("tag"));
            assertEquals(before, after, service + ": only image.tag changes");
        }
        run = Repo.Run.of(Repo.root(), List.of(".ci/set-image-tag", "dev", "bad tag;rm", "order"), env, 60);
        assertEquals(2, run.exit(), "a tag that is not a tag is refused");

        run = Repo.Run.of(Repo.root(), List.of(".ci/promote", "order", "user"), env, 60);
        assertEquals(0, run.exit(), run.output());
        assertEquals("3f2a9c1b7d4e", Repo.yaml(copy.resolve("helm-charts/order/values-prod.yaml")).path("image")
                .path("tag").asText());
        assertEquals(Repo.yaml(Repo.chart("product").resolve("values-prod.yaml")),
                Repo.yaml(copy.resolve("helm-charts/product/values-prod.yaml")), "only the services named");
        assertTrue(run.output().contains("| order |"), run.output());
    }

    private static int checkCommands(String where, String text, Set<String> profiles) {
        int checked = 0;
        Matcher mvnw = MVNW.matcher(text);
        while (mvnw.find()) {
            checked++;
            Matcher profile = Pattern.compile("-P([\\w,-]+)").matcher(mvnw.group(1));
            while (profile.find()) {
                for (String p : profile.group(1).split(",")) {
                    assertTrue(profiles.contains(p), where + ": no Maven profile " + p + " in pom.xml " + profiles);
                }
            }
            Matcher modules = Pattern.compile("-pl\\s+\"?([\\w,/-]+)").matcher(mvnw.group(1));
            while (modules.find()) {
                for (String module : modules.group(1).split(",")) {
                    assertTrue(Files.isRegularFile(Repo.root().resolve(module).resolve("pom.xml")),
                            where + ": no module " + module);
                }
            }
        }
        Matcher script = SCRIPT.matcher(text);
        while (script.find()) {
            checked++;
            Path file = Repo.root().resolve(script.group(1));
            assertTrue(Files.isExecutable(file), where + ": " + script.group(1) + " is missing or not executable");
            String[] args = script.group(2).trim().split("\\s+");
            String body = Repo.read(file);
            boolean dispatches = Pattern.compile("(?m)^case \"\\$(\\{1:-|command)").matcher(body).find();
            if (dispatches && args[0].matches("[a-z][\\w-]*")) {
                assertTrue(Pattern.compile("(?m)^ {4}(?:[\\w-]+ \\| )*" + Pattern.quote(args[0]) + "(?: \\|[^)]*)?\\)")
                        .matcher(body).find(), where + ": " + script.group(1) + " has no command " + args[0]);
            }
            if (script.group(1).equals(".ci/set-image-tag") || script.group(1).equals(".ci/promote")) {
                for (String arg : args) {
                    if (arg.matches("order|product|user|[a-z]+-service")) {
                        assertTrue(Files.isDirectory(Repo.chart(arg)), where + ": no chart for " + arg);
                    }
                }
            }
        }
        Matcher path = REPO_PATH.matcher(text);
        while (path.find()) {
            String p = path.group(1).replaceAll("[.,;:]+$", "");
            if (p.contains("/target/") || p.contains("*") || p.startsWith("terraform/")) {
                continue; // build outputs, globs, and stacks the terraform script finds itself
            }
            checked++;
            assertTrue(Files.exists(Repo.root().resolve(p)), where + ": " + p + " does not exist");
        }
        return checked;
    }

    /** The run text once per matrix service, with the service's name where the workflow refers to it. */
    private static List<String> expand(String run, Set<String> services) {
        if (services.isEmpty() || !run.contains("SERVICE") && !run.contains("matrix.service")) {
            return List.of(run);
        }
        return services.stream().map(s -> run.replace("\"$SERVICE\"", s).replace("$SERVICE", s)
                .replace("${{ matrix.service }}", s)).toList();
    }

    private static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has("run")) {
                runs.add(step.path("run").asText());
            }
        });
        return runs;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<Path> workflows() {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
            assertFalse(found.isEmpty());
            return found;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
