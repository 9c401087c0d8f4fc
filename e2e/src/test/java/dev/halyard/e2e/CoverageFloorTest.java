package dev.halyard.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.tools.ExecFileLoader;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.FileMultiReportOutput;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.MultiReportVisitor;
import org.jacoco.report.csv.CSVFormatter;
import org.jacoco.report.html.HTMLFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Seed 001's floor of 70 % test coverage, over the code that ships: the tests of all modules together run at least
 * that share of the lines of {@code common/runtime}, of each service, and of all four. A library is measured by the
 * services' tests as well as its own, which is why this is one check at the end and not one per module. e2e is the
 * reactor's last module, so every module's tests have left their execution data in
 * {@code target/jacoco-quarkus.exec} (quarkus-jacoco and the JaCoCo agent, see the parent POM). The combined report
 * goes to {@code e2e/target/coverage}.
 */
class CoverageFloorTest {

    private static final double FLOOR = 0.70;
    private static final List<String> SHIPPED = List.of("common/runtime", "product", "user", "order");

    private final Path root = Path.of(System.getProperty("halyard.root"));

    @Test
    void theTestsRunSeventyPercentOfEachShippedModulesLines() throws IOException {
        ExecFileLoader executions = new ExecFileLoader();
        for (String module : SHIPPED) {
            Path data = root.resolve(module).resolve("target/jacoco-quarkus.exec");
            assertTrue(Files.isRegularFile(data), () -> data + " is missing: run every module's tests (./mvnw verify)");
            executions.load(data.toFile());
        }
        List<IBundleCoverage> bundles = new ArrayList<>();
        for (String module : SHIPPED) {
            CoverageBuilder coverage = new CoverageBuilder();
            new Analyzer(executions.getExecutionDataStore(), coverage)
                    .analyzeAll(root.resolve(module).resolve("target/classes").toFile());
            bundles.add(coverage.getBundle(module));
        }
        report(executions, bundles, root.resolve("e2e/target/coverage"));

        List<Executable> checks = new ArrayList<>();
        long covered = 0;
        long total = 0;
        for (IBundleCoverage bundle : bundles) {
            ICounter lines = bundle.getLineCounter();
            covered += lines.getCoveredCount();
            total += lines.getTotalCount();
            checks.add(atLeastFloor(bundle.getName(), lines.getCoveredRatio()));
        }
        assertTrue(total > 0, "no classes found under the modules' target/classes");
        checks.add(atLeastFloor("all shipped code", (double) covered / total));
        assertAll(checks);
    }

    private static Executable atLeastFloor(String what, double ratio) {
        System.out.printf(Locale.ROOT, "COVERAGE %-16s %5.1f %% of lines%n", what, ratio * 100);
        Supplier<String> message = () -> String.format(Locale.ROOT,
                "%s: %.1f %% of lines run by the tests, under %.0f %%",
                what, ratio * 100, FLOOR * 100);
        return () -> assertTrue(ratio >= FLOOR, message);
    }

    /** The same report as jacoco:report-aggregate: HTML to browse and CSV, one group per module. */
    private void report(ExecFileLoader executions, List<IBundleCoverage> bundles, Path out) throws IOException {
        Files.createDirectories(out);
        try (OutputStream csv = Files.newOutputStream(out.resolve("coverage.csv"))) {
            IReportVisitor visitor = new MultiReportVisitor(
                    List.of(new HTMLFormatter().createVisitor(new FileMultiReportOutput(out.resolve("html").toFile())),
                            new CSVFormatter().createVisitor(csv)));
            visitor.visitInfo(executions.getSessionInfoStore().getInfos(),
                    executions.getExecutionDataStore().getContents());
            for (int i = 0; i < bundles.size(); i++) {
                Path sources = root.resolve(SHIPPED.get(i)).resolve("src/main/java");
                visitor.visitBundle(bundles.get(i), new DirectorySourceFileLocator(sources.toFile(), "UTF-8", 4));
            }
            visitor.visitEnd();
        }
    }
}
