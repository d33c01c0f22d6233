package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MethodRunRecorderTest {

    private static Ranking ranking(String... ids) {
        return Ranking.ofOrdered(List.of(ids));
    }

    @Test
    void collectsOutcomesLatenciesWallTimeAndAnnRecall() {
        AtomicLong now = new AtomicLong(1_000);
        MethodRunRecorder recorder = new MethodRunRecorder("slerp", 2, now::get);
        QueryOutcome outcome = QueryOutcome.of("q", "ref", List.of("t"), ranking("t"));
        recorder.record(outcome, Duration.ofMillis(7));
        recorder.recordAnn(ranking("a", "b"), ranking("a", "b"));
        recorder.recordAnn(ranking("a", "x"), ranking("a", "b"));
        now.addAndGet(2_500_000_000L);

        MethodRun run = recorder.finish();

        assertThat(run.method()).isEqualTo("slerp");
        assertThat(run.queries()).containsExactly(outcome);
        assertThat(run.queryLatencies()).containsExactly(Duration.ofMillis(7));
        assertThat(run.wallTime()).isEqualTo(Duration.ofMillis(2500));
        assertThat(run.systemMetrics()).containsExactly(Map.entry("ANN@2", 75.0));
    }

    @Test
    void withoutAnnPairsThereIsNoAnnMetric() {
        MethodRun run = new MethodRunRecorder("text", 10, () -> 0L).finish();

        assertThat(run.systemMetrics()).isEmpty();
        assertThat(run.queries()).isEmpty();
    }
}
