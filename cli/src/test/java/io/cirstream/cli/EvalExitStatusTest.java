package io.cirstream.cli;

import io.cirstream.eval.metric.BenchmarkProtocol;
import io.cirstream.eval.metric.EvalAggregator;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.MethodRun;
import io.cirstream.eval.metric.QueryOutcome;
import io.cirstream.eval.metric.Ranking;
import io.cirstream.eval.metric.RunInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./cirstream eval} exits non-zero, saying how many queries failed and why, when any did. */
class EvalExitStatusTest {

    @Test
    void failedQueriesMakeANonZeroExitWithTheCountAndReasons() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = EvalCommand.exitStatus(report(4), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("4 queries failed")
                .contains("text: 4 of 10 queries failed").contains("400 bad_request");
    }

    @Test
    void aCleanRunExitsZeroSilently() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(EvalCommand.exitStatus(report(0), new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(err.size()).isZero();
    }

    private static EvalReport report(int failed) {
        List<QueryOutcome> queries = new ArrayList<>();
        for (int q = 0; q < 10; q++) {
            queries.add(QueryOutcome.of("q" + q, "r" + q, List.of("t" + q), Ranking.ofOrdered(List.of("t" + q))));
        }
        MethodRun run = MethodRun.of("text", queries)
                .withFailures(failed == 0 ? Map.of() : Map.of("400 bad_request", failed));
        return new EvalAggregator().aggregate(new RunInfo(BenchmarkProtocol.CIRR, "val", "gen", true, 10),
                List.of(run));
    }
}
