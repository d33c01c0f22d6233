package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalAggregatorTest {

    private final EvalAggregator aggregator =
            new EvalAggregator(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
    private final RunInfo info = new RunInfo(BenchmarkProtocol.SYNTHETIC, "val", "gen-tiny", true, 3);

    private static QueryOutcome query(String... ranked) {
        return QueryOutcome.of("q", "ref", List.of("t"), Ranking.ofOrdered(List.of(ranked)));
    }

    @Test
    void buildsOneResultPerMethodWithCountsAndTimings() {
        MethodRun text = new MethodRun("text", List.of(query("t"), query("x", "t")),
                List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3), Duration.ofMillis(4)),
                Duration.ofMillis(1500), Map.of("ANN@10", 99.0));
        MethodRun image = MethodRun.of("image", List.of(query("x")));

        EvalReport report = aggregator.aggregate(info, List.of(text, image));

        assertThat(report.methods().keySet()).containsExactly("text", "image");
        MethodResult textResult = report.methods().get("text");
        assertThat(textResult.metrics()).containsEntry("R@1", 50.0).containsEntry("R@5", 100.0);
        assertThat(textResult.systemMetrics()).containsEntry("ANN@10", 99.0);
        assertThat(textResult.latency()).isEqualTo(new LatencySummary(4, 2.5, 2.0, 4.0, 4.0));
        assertThat(textResult.wallSeconds()).isEqualTo(1.5);
        assertThat(report.methods().get("image").metrics()).containsEntry("R@50", 0.0);
        assertThat(report.createdAt()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(report.generatedModel()).isTrue();
    }

    @Test
    void sameMethodTwiceIsRejected() {
        MethodRun run = MethodRun.of("sum", List.of(query("t")));

        assertThatThrownBy(() -> aggregator.aggregate(info, List.of(run, run)))
                .hasMessageContaining("method sum was run twice");
    }
}
