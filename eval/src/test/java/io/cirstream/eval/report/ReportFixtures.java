package io.cirstream.eval.report;

import io.cirstream.eval.metric.BenchmarkProtocol;
import io.cirstream.eval.metric.EvalAggregator;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.MethodRun;
import io.cirstream.eval.metric.QueryOutcome;
import io.cirstream.eval.metric.Ranking;
import io.cirstream.eval.metric.RunInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small reports with known numbers, built through the real aggregator. */
final class ReportFixtures {

    private static final EvalAggregator AGGREGATOR =
            new EvalAggregator(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));

    private ReportFixtures() {
    }

    /** A CIRR report: {@code text} finds the target at rank {@code i % 60} of query i, {@code image} never. */
    static EvalReport cirr(boolean generated) {
        List<QueryOutcome> text = new ArrayList<>();
        List<QueryOutcome> image = new ArrayList<>();
        for (int q = 0; q < 100; q++) {
            text.add(query("q" + q, q % 60));
            image.add(query("q" + q, 1000));
        }
        MethodRun textRun = new MethodRun("text", text, List.of(Duration.ofMillis(3), Duration.ofMillis(5)),
                Duration.ofSeconds(2), Map.of("ANN@10", 97.5));
        return AGGREGATOR.aggregate(new RunInfo(BenchmarkProtocol.CIRR, "val", "gen-tiny-v1", generated, 2297),
                List.of(textRun, MethodRun.of("image", image)));
    }

    /**
     * A CIRR run named {@code runId} in which {@code text} got no answer for {@code failed} of its 10 queries
     * (400 bad_request), scored as misses.
     */
    static EvalReport cirrRun(String runId, int failed) {
        List<QueryOutcome> text = new ArrayList<>();
        for (int q = 0; q < 10; q++) {
            text.add(query("q" + q, q < failed ? 1000 : 0));
        }
        MethodRun run = MethodRun.of("text", text).withFailures(failed == 0 ? Map.of() : Map.of("400 bad_request", failed));
        return AGGREGATOR.aggregate(new RunInfo(BenchmarkProtocol.CIRR, "val", "gen-tiny-v1", true, 2297, runId,
                "replay-1", List.of("a note for the reader")), List.of(run));
    }

    /** A FashionIQ report with one method and three categories. */
    static EvalReport fashionIq() {
        List<QueryOutcome> queries = new ArrayList<>();
        String[] categories = {"dress", "shirt", "toptee"};
        for (int q = 0; q < 30; q++) {
            queries.add(query("q" + q, q * 2).inCategory(categories[q % 3]));
        }
        return AGGREGATOR.aggregate(new RunInfo(BenchmarkProtocol.FASHIONIQ, "val", "clip-vit-b32", false, 3817),
                List.of(MethodRun.of("slerp", queries)));
    }

    /** The target sits at 0-based position {@code targetRank} of a ranking of 60 distractors. */
    private static QueryOutcome query(String id, int targetRank) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(id + "-x" + i);
        }
        if (targetRank < ids.size()) {
            ids.add(targetRank, id + "-t");
        }
        return QueryOutcome.of(id, id + "-ref", List.of(id + "-t"), Ranking.ofOrdered(ids));
    }
}
