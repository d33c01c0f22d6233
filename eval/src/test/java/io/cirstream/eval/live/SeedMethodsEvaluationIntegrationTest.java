package io.cirstream.eval.live;

import io.cirstream.eval.metric.MethodResult;
import io.cirstream.eval.metric.MetricNames;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.tools.packs.PackGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./cirstream eval --methods multi_token,composer,...} on the synthetic world with the synthetic-v2 pack, through
 * the real query API: the pixel-reading methods get the replayed reference files uploaded (a reference by id has only
 * its stored vector), every query is answered, and ANN recall near 100 says the API searched with the vector eval
 * composed from the same pixels. cvsi, which needs per-query descriptions no benchmark carries, is refused up front.
 */
@IntegrationTest
class SeedMethodsEvaluationIntegrationTest {
    private static final long SEED = 11;
    private static final int IMAGES = 300;
    private static final int QUERIES = 60;

    @TempDir
    Path dir;

    @Test
    void pixelReadingMethodsAreEvaluatedWithUploadedReferences() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);

        try (DirectStage stage = DirectStage.start(dir, SyntheticBench.pack(dir, PackGenerator.SYNTHETIC_V2),
                "eval-seed", SEED, IMAGES, QUERIES, quiet)) {
            LiveEvalOptions options = stage.options(List.of("sum", "pseudo_token", "multi_token", "composer"));
            Map<String, MethodResult> methods = LiveEvaluation.run(options, stage.runtime, quiet, err).report().methods();

            System.out.printf("synthetic-v2 eval, %d images, %d queries: %s%n", IMAGES, QUERIES,
                    methods.entrySet().stream().map(e -> e.getKey() + " R@10=" + e.getValue().metrics()
                            .get(MetricNames.recall(10)) + " ANN@10=" + e.getValue().systemMetrics()
                            .get(MetricNames.annRecall(10))).toList());
            for (String method : List.of("multi_token", "composer")) {
                MethodResult result = methods.get(method);
                assertThat(result.failedTotal()).as("%s failures; eval log:%n%s", method, log).isZero();
                assertThat(result.systemMetrics().get(MetricNames.annRecall(10))).as(method).isGreaterThan(90.0);
            }
            assertThat(log.toString()).as("eval log").doesNotContain("differ from the exact similarity");

            assertThatThrownBy(() -> LiveEvaluation.run(options.withMethods(List.of("cvsi")), stage.runtime, quiet, quiet))
                    .hasMessageContaining("description");
        }
    }
}
