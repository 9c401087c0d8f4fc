package dev.halyard.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * There is no AWS account here, so terraform/ is proven by Terraform itself — fmt, and validate of every module and
 * root stack with the real hashicorp/aws provider (built from the Go module proxy into a filesystem mirror by
 * .ci/tools) — and by tflint and checkov. Validation runs on a copy under target/, so no .terraform folder or lock
 * file with the locally built provider's hashes lands in the tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerraformTest {

    private static final Path TERRAFORM = Repo.root().resolve("terraform");
    private static final Path COPY = Repo.target().resolve("terraform");

    private Path terraform;
    private Path plugins;

    @BeforeAll
    void copyAndInstall() throws IOException {
        terraform = Repo.tool("terraform");
        plugins = Repo.tool("terraform-provider-aws");
        Repo.copyTree(TERRAFORM, COPY, file -> !file.toString().contains("/.terraform"));
    }

    static List<String> modules() {
        return dirs(TERRAFORM.resolve("modules"), 1);
    }

    static List<String> stacks() {
        return dirs(TERRAFORM.resolve("environments"), 2);
    }

    @Test
    void formattedAsTerraformFmtWrites() {
        Repo.Run run = tf(TERRAFORM, "fmt", "-check", "-recursive", "-diff", "-no-color");
        assertEquals(0, run.exit(), "run terraform fmt -recursive terraform\n" + run.output());
    }

    @ParameterizedTest
    @MethodSource({"modules", "stacks"})
    void validatesWithTheAwsProvider(String dir) {
        Path copy = COPY.resolve(dir);
        Repo.Run init = tf(copy, "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=" + plugins);
        assertEquals(0, init.exit(), init.output());
        Repo.Run validate = tf(copy, "validate", "-no-color");
        assertEquals(0, validate.exit(), validate.output());
        assertTrue(validate.output().contains("The configuration is valid"), validate.output());
    }

    static List<String> modulesWithTests() {
        return modules().stream().filter(m -> Files.isDirectory(TERRAFORM.resolve(m).resolve("tests"))).toList();
    }

    /**
     * The rules that matter, asserted on plans with a mocked AWS provider (tests/*.tftest.hcl): ARM64 nodes, private
     * encrypted buckets with the 7-year and 14-day rules, private databases, pod roles scoped to their domain.
     */
    @ParameterizedTest
    @MethodSource("modulesWithTests")
    void terraformTestPasses(String module) {
        Path copy = COPY.resolve(module);
        Repo.Run init = tf(copy, "init", "-backend=false", "-input=false", "-no-color", "-plugin-dir=" + plugins);
        assertEquals(0, init.exit(), init.output());
        Repo.Run test = tf(copy, "test", "-no-color");
        assertEquals(0, test.exit(), test.output());
        assertTrue(test.output().contains(" 0 failed"), test.output());
    }

    @Test
    void theRulesThatMatterAreTested() {
        assertEquals(List.of("modules/bucket", "modules/domain", "modules/eks", "modules/postgres"),
                modulesWithTests());
    }

    /** Karpenter's NodePool (delivered by Argo CD) asks for ARM64 only, as the system node group does. */
    @Test
    void karpenterNodePoolIsArm64Only() throws IOException {
        var nodePool = Repo.yaml(Repo.argocd().resolve("platform/karpenter/nodepool.yaml"));
        boolean arm64Only = false;
        for (var requirement : nodePool.path("spec").path("template").path("spec").path("requirements")) {
            if ("kubernetes.io/arch".equals(requirement.path("key").asText())) {
                arm64Only = "In".equals(requirement.path("operator").asText())
                        && requirement.path("values").size() == 1
                        && "arm64".equals(requirement.path("values").get(0).asText());
            }
        }
        assertTrue(arm64Only, "NodePool requires kubernetes.io/arch In [arm64]");
    }

    @ParameterizedTest
    @MethodSource({"modules", "stacks"})
    void tflintFindsNothing(String dir) {
        Repo.Run run = Repo.Run.of(TERRAFORM.resolve(dir), List.of(Repo.tool("tflint").toString(), "--config",
                TERRAFORM.resolve(".tflint.hcl").toString(), "--format", "compact", "--no-color"), 300);
        assertEquals(0, run.exit(), run.output());
    }

    @Test
    void checkovFindsNothing() {
        Repo.Run run = Repo.Run.of(TERRAFORM, List.of(Repo.tool("checkov").toString(), "--config-file",
                ".checkov.yaml", "-d", "."), 900);
        assertEquals(0, run.exit(), run.output());
        Matcher passed = Pattern.compile("Passed checks: (\\d+), Failed checks: 0").matcher(run.output());
        assertTrue(passed.find() && Integer.parseInt(passed.group(1)) > 500, run.output());
    }

    /** Shaped like terraform-aws-modules: the four files and a README per module. */
    @ParameterizedTest
    @MethodSource("modules")
    void moduleHasTheStandardFilesAndAReadme(String module) {
        for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
            assertTrue(Files.isRegularFile(TERRAFORM.resolve(module).resolve(file)), module + " has no " + file);
        }
        String readme = Repo.read(TERRAFORM.resolve(module).resolve("README.md"));
        for (String variable : names(TERRAFORM.resolve(module).resolve("variables.tf"), "variable")) {
            assertTrue(readme.contains("`" + variable + "`"), module + "/README.md does not describe " + variable);
        }
        for (String output : names(TERRAFORM.resolve(module).resolve("outputs.tf"), "output")) {
            assertTrue(readme.contains("`" + output + "`"), module + "/README.md does not describe " + output);
        }
    }

    /** Each root stack keeps its own state in S3 with S3's lock file and pins the account it may touch. */
    @ParameterizedTest
    @MethodSource("stacks")
    void stackHasItsOwnLockedRemoteState(String stack) {
        String versions = Repo.read(TERRAFORM.resolve(stack).resolve("versions.tf"));
        assertTrue(versions.contains("backend \"s3\""), stack);
        assertTrue(versions.contains("use_lockfile = true"), stack + ": S3 native lock file");
        assertTrue(versions.contains("key          = \"" + stack.substring("environments/".length()) + ".tfstate\""),
                stack + ": a state key of its own");
        assertTrue(versions.contains("allowed_account_ids"), stack + ": pinned to its account");
        Path lock = TERRAFORM.resolve(stack).resolve(".terraform.lock.hcl");
        // the registry's lock files carry zh: hashes of the official archives; a lock file written with the locally
        // built provider has only its h1: hash and would refuse the official provider (terraform/README.md)
        assertTrue(!Files.exists(lock) || Repo.read(lock).contains("\"zh:"),
                stack + ": lock file without the registry's hashes");
    }

    /** The domain stacks depend on core only through its outputs, so each can be planned and applied alone. */
    @Test
    void domainStacksReadCoreThroughRemoteState() {
        List<String> domains = stacks().stream().filter(s -> s.contains("/domain-")).toList();
        assertEquals(6, domains.size(), domains.toString());
        for (String stack : domains) {
            String main = Repo.read(TERRAFORM.resolve(stack).resolve("main.tf"));
            String env = stack.split("/")[1];
            assertTrue(main.contains("data \"terraform_remote_state\" \"core\""), stack);
            assertTrue(main.contains("key    = \"" + env + "/core.tfstate\""), stack + " reads its own env's core");
            assertFalse(main.contains("modules/platform"), stack + " must not own platform resources");
        }
    }

    private Repo.Run tf(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(terraform.toString()));
        command.addAll(List.of(args));
        // no user CLI configuration: the provider comes from -plugin-dir only
        return Repo.Run.of(dir, command, Map.of("TF_CLI_CONFIG_FILE", "/dev/null", "TF_IN_AUTOMATION", "1",
                "CHECKPOINT_DISABLE", "1"), 600);
    }

    private static List<String> names(Path file, String block) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + block + " \"([\\w-]+)\"").matcher(Repo.read(file));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> dirs(Path base, int depth) {
        try (Stream<Path> walk = Files.walk(base, depth)) {
            List<String> found = walk.filter(Files::isDirectory).filter(d -> !d.equals(base))
                    .filter(d -> base.relativize(d).getNameCount() == depth && !d.toString().contains(".terraform"))
                    .map(d -> TERRAFORM.relativize(d).toString()).sorted().toList();
            assertFalse(found.isEmpty(), "nothing under " + base);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
