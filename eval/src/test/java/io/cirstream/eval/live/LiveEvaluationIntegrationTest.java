package io.cirstream.eval.live;

import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation runner end to end on real Kafka, OpenSearch, ONNX Runtime and the real query API: a synthetic
 * benchmark is replayed, its vectors indexed, and the live numbers checked against an independent brute-force
 * computation.
 */
@IntegrationTest
class LiveEvaluationIntegrationTest {
    private static final long SEED = 11;
    private static final int IMAGES = 600;
    private static final int QUERIES = 150;

    @TempDir
    Path dir;

    @Test
    void liveRecallMatchesBruteForceAndComposedMethodsBeatSingleModalitiesAndRepeats() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ByteArrayOutputStream replayLog = new ByteArrayOutputStream();
        try (DirectStage stage = DirectStage.start(dir, SyntheticBench.syntheticPack(dir), "eval-it", SEED, IMAGES,
                QUERIES, new PrintStream(replayLog, true, StandardCharsets.UTF_8))) {
            assertThat(stage.replay.receipt().queryCount()).as("replay output:%n%s", replayLog).isEqualTo(QUERIES);
            LiveEvalOptions options = stage.options(List.of("image", "text", "sum", "slerp", "weicom"));
            LiveEvalResult result = LiveEvaluation.run(options, stage.runtime, quiet, quiet);
            BruteForceCheck.assertMatches(result.report(), stage.bench);
            assertThat(Files.readString(result.files().markdown())).contains("not CLIP");
            assertThat(result.report().runId()).isNotBlank();
            assertThat(result.report().replayRun()).isEqualTo(stage.replay.runId());
            assertThat(result.files().json().getFileName().toString()).contains(result.report().runId());
            assertThat(Files.readAllLines(result.files().rankings())).hasSize(5 * QUERIES)
                    .allMatch(line -> line.contains("\"ranked_ids\""));
            assertThat(result.files().json().resolveSibling(result.files().json().getFileName().toString()
                    .replace(result.report().runId(), "latest"))).isRegularFile();

            LiveEvalResult again = LiveEvaluation.run(options.withOutDir(dir.resolve("again")), stage.runtime, quiet, quiet);
            result.report().methods().forEach((method, first) -> assertThat(again.report().methods().get(method)
                    .metrics()).as("%s on a second run", method).isEqualTo(first.metrics()));
        }
    }
}
