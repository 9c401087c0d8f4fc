package dev.halyard.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Policies on what would reach the cluster: checkov's Kubernetes checks on every rendered chart (skips and their
 * reasons in helm-charts/.checkov.yaml), and our own rules where no checker looks (Argo Rollouts' job templates,
 * ARM64 scheduling, secrets in ConfigMaps, quotas per namespace).
 */
class ManifestPolicyTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(password|secret|signing_key|access_key|token)");

    @Test
    void checkovFindsNothing() {
        Rendered.all();
        Path rendered = Repo.target().resolve("rendered");
        Repo.Run run = Repo.Run.of(Repo.root(), List.of(Repo.tool("checkov").toString(), "--config-file",
                Repo.root().resolve("helm-charts/.checkov.yaml").toString(), "--directory", rendered.toString(),
                "--directory", Repo.argocd().toString()), 900);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Passed checks:"), run.output());
    }

    @Test
    void everyWorkloadIsLockedDownSizedProbedAndOnArm64() {
        List<String> violations = new ArrayList<>();
        Rendered.all().forEach((name, manifests) -> {
            for (JsonNode doc : Rendered.documents(manifests)) {
                String kind = doc.path("kind").asText();
                if (kind.equals("Deployment")) {
                    JsonNode pod = doc.path("spec").path("template").path("spec");
                    if (!"arm64".equals(pod.path("nodeSelector").path("kubernetes.io/arch").asText())) {
                        violations.add(name + ": Deployment not scheduled on arm64");
                    }
                    checkPod(name + " Deployment", pod, true, violations);
                }
                if (kind.equals("AnalysisTemplate")) {
                    for (JsonNode metric : doc.path("spec").path("metrics")) {
                        JsonNode job = metric.path("provider").path("job");
                        if (!job.isMissingNode()) {
                            checkPod(name + " analysis job", job.path("spec").path("template").path("spec"), false,
                                    violations);
                        }
                    }
                }
                if (kind.equals("Secret")) {
                    violations.add(name + ": a Secret in the chart (credentials come from ExternalSecrets)");
                }
                if (kind.equals("ConfigMap")) {
                    doc.path("data").fieldNames().forEachRemaining(key -> {
                        if (SECRET_NAME.matcher(key).find()) {
                            violations.add(name + ": ConfigMap key " + key + " looks like a secret");
                        }
                    });
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    /**
     * The JVM image's pods (values-jvm.yaml) get a heap of their own beside what the JVM needs outside it (classes,
     * compiled code, threads, buffers: 100-200 MiB in the local runs) and keep both JIT tiers, while the native
     * executable's pods stay small.
     */
    @Test
    void theJvmVariantHasRoomBesideItsHeapAndBothCompilers() {
        for (String service : Repo.SERVICES) {
            String manifests = Rendered.all().get(service + "/values-jvm");
            long limit = mebibytes(container(manifests).path("resources").path("limits").path("memory").asText());
            String options = Rendered.ofKind(manifests, "ConfigMap")
                    .map(doc -> doc.path("data").path("JAVA_TOOL_OPTIONS").asText()).filter(o -> !o.isEmpty())
                    .findFirst().orElseThrow(() -> new AssertionError(service + ": no JAVA_TOOL_OPTIONS"));
            Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
            assertTrue(percent.find(), service + ": the heap is not sized from the limit: " + options);
            long heap = limit * Long.parseLong(percent.group(1)) / 100;
            assertTrue(heap >= 256 && limit - heap >= 256, service + ": heap " + heap + " MiB of " + limit + " MiB");
            assertFalse(options.contains("TieredStopAtLevel"), service + ": C1 only serves a third of the reads");
            long nativeLimit = mebibytes(container(Rendered.all().get(service + "/defaults")).path("resources")
                    .path("limits").path("memory").asText());
            assertTrue(nativeLimit < limit, service + ": native " + nativeLimit + " MiB, JVM " + limit + " MiB");
        }
    }

    /**
     * During a blue-green release both colours can run at the HPA's maximum; every chart variant's pods must then still
     * fit the namespace's ResourceQuota, or the quota, not the autoscaler, caps the release.
     */
    @Test
    void blueAndGreenAtTheHpaMaximumFitTheQuotaInEveryVariant() {
        List<String> violations = new ArrayList<>();
        Rendered.all().forEach((name, manifests) -> {
            String service = name.substring(0, name.indexOf('/'));
            JsonNode quota = Rendered.ofKind(Repo.read(Repo.argocd().resolve("namespaces/" + service + ".yaml")),
                    "ResourceQuota").findFirst().orElseThrow().path("spec").path("hard");
            int pods = 2 * Rendered.ofKind(manifests, "HorizontalPodAutoscaler")
                    .mapToInt(doc -> doc.path("spec").path("maxReplicas").asInt()).max().orElse(0);
            JsonNode resources = container(manifests).path("resources");
            for (String r : List.of("requests", "limits")) {
                double cpu = pods * cores(resources.path(r).path("cpu").asText());
                long memory = pods * mebibytes(resources.path(r).path("memory").asText());
                if (cpu > cores(quota.path(r + ".cpu").asText())
                        || memory > mebibytes(quota.path(r + ".memory").asText())) {
                    violations.add(name + ": " + pods + " pods need " + r + " of " + cpu + " CPU and " + memory
                            + " MiB, the quota allows " + quota.path(r + ".cpu").asText() + " and "
                            + quota.path(r + ".memory").asText());
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    private static JsonNode container(String manifests) {
        return Rendered.ofKind(manifests, "Deployment").findFirst().orElseThrow().path("spec").path("template")
                .path("spec").path("containers").get(0);
    }

    private static double cores(String quantity) {
        return quantity.endsWith("m")
                ? Double.parseDouble(quantity.substring(0, quantity.length() - 1)) / 1000
                : Double.parseDouble(quantity);
    }

    private static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertTrue(m.matches(), "memory in Mi or Gi: " + quantity);
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

    @Test
    void everyNamespaceHasAQuotaALimitRangeAndTheRestrictedProfile() {
        Set<String> namespaces = new HashSet<>();
        Set<String> quotas = new HashSet<>();
        Set<String> limits = new HashSet<>();
        for (Path file : Repo.files(Repo.argocd(), ".yaml")) {
            for (JsonNode doc : Rendered.documents(Repo.read(file))) {
                String kind = doc.path("kind").asText();
                String namespace = doc.path("metadata").path("namespace").asText();
                if (kind.equals("Namespace")) {
                    String name = doc.path("metadata").path("name").asText();
                    namespaces.add(name);
                    Map<String, Object> labels = Rendered.map(doc.path("metadata").path("labels"));
                    assertEquals("restricted", labels.get("pod-security.kubernetes.io/enforce"), name);
                }
                if (kind.equals("ResourceQuota")) {
                    quotas.add(namespace);
                }
                if (kind.equals("LimitRange")) {
                    limits.add(namespace);
                }
            }
        }
        assertFalse(namespaces.isEmpty(), "argocd/ declares the domain namespaces");
        assertTrue(quotas.containsAll(namespaces), "namespaces without a ResourceQuota: " + namespaces);
        assertTrue(limits.containsAll(namespaces), "namespaces without a LimitRange: " + namespaces);
    }

    private static void checkPod(String where, JsonNode pod, boolean probes, List<String> violations) {
        boolean podNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
        if (!"RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText())) {
            violations.add(where + ": no RuntimeDefault seccomp profile");
        }
        for (JsonNode container : pod.path("containers")) {
            String c = where + " container " + container.path("name").asText();
            JsonNode security = container.path("securityContext");
            if (!podNonRoot && !security.path("runAsNonRoot").asBoolean(false)) {
                violations.add(c + ": may run as root");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(c + ": writable root filesystem");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(c + ": privilege escalation allowed");
            }
            if (!security.path("capabilities").path("drop").toString().contains("ALL")) {
                violations.add(c + ": capabilities not dropped");
            }
            for (String r : List.of("requests", "limits")) {
                JsonNode resources = container.path("resources").path(r);
                if (resources.path("cpu").isMissingNode() || resources.path("memory").isMissingNode()) {
                    violations.add(c + ": no cpu/memory " + r);
                }
            }
            String image = container.path("image").asText();
            if (!image.matches(".+:[A-Za-z0-9_][A-Za-z0-9_.-]*$") || image.endsWith(":latest")) {
                violations.add(c + ": image without a fixed tag: " + image);
            }
            if (probes) {
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    if (container.path(probe).isMissingNode()) {
                        violations.add(c + ": no " + probe);
                    }
                }
            }
        }
    }
}
