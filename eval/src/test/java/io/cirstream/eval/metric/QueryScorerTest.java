package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryScorerTest {

    private static Ranking ranking(String... ids) {
        return Ranking.ofOrdered(List.of(ids));
    }

    private static Map<String, Double> score(BenchmarkProtocol protocol, QueryOutcome query) {
        return QueryScorer.score(protocol, query).orElseThrow();
    }

    @Test
    void cirrRemovesTheReferenceBeforeCuttingAtK() {
        QueryOutcome query = QueryOutcome.of("q", "ref", List.of("t"), ranking("ref", "t", "x"));

        Map<String, Double> metrics = score(BenchmarkProtocol.CIRR, query);

        assertThat(metrics).containsEntry("R@1", 1.0).containsEntry("R@50", 1.0);
        assertThat(metrics).doesNotContainKey("Rsubset@1");
    }

    @Test
    void fashionIqKeepsTheReferenceInTheRanking() {
        String[] ids = new String[12];
        ids[0] = "ref";
        for (int i = 1; i < 10; i++) {
            ids[i] = "x" + i;
        }
        ids[10] = "t";
        ids[11] = "y";
        QueryOutcome query = QueryOutcome.of("q", "ref", List.of("t"), ranking(ids));

        assertThat(score(BenchmarkProtocol.FASHIONIQ, query)).containsEntry("R@10", 0.0).containsEntry("R@50", 1.0);
        assertThat(score(BenchmarkProtocol.CIRR, query)).containsEntry("R@10", 1.0);
    }

    @Test
    void subsetRecallRanksOnlyTheMembersMinusTheReference() {
        Set<String> members = Set.of("ref", "t", "a", "b", "c", "d");
        QueryOutcome fromFullRanking = QueryOutcome.of("q", "ref", List.of("t"),
                ranking("z", "a", "ref", "b", "y", "t", "c", "d")).withSubset(members, Ranking.empty());

        assertThat(score(BenchmarkProtocol.CIRR, fromFullRanking))
                .containsEntry("Rsubset@1", 0.0).containsEntry("Rsubset@2", 0.0).containsEntry("Rsubset@3", 1.0);

        QueryOutcome fromSubsetRanking = fromFullRanking.withSubset(members, ranking("ref", "t", "a"));
        assertThat(score(BenchmarkProtocol.CIRR, fromSubsetRanking)).containsEntry("Rsubset@1", 1.0);
    }

    @Test
    void circoNeverCountsTheReferenceAsAPositive() {
        // after removing ref: a(1) x(2) b(3) y(4) c(5); positives a, b, c
        QueryOutcome query = QueryOutcome.of("q", "ref", List.of("ref", "a", "b", "c"),
                ranking("ref", "a", "x", "b", "y", "c"));

        Map<String, Double> metrics = score(BenchmarkProtocol.CIRCO, query);

        assertThat(metrics.get("mAP@5")).isCloseTo((1.0 + 2.0 / 3 + 3.0 / 5) / 3, within(1e-12));
        assertThat(metrics.get("mAP@50")).isCloseTo((1.0 + 2.0 / 3 + 3.0 / 5) / 3, within(1e-12));
        assertThat(metrics.keySet()).containsExactly("mAP@5", "mAP@10", "mAP@25", "mAP@50");
    }

    @Test
    void patternComReportsFullMapAndPrecisionRecallAtK() {
        QueryOutcome query = QueryOutcome.of("q", "ref", List.of("p1", "p2", "p3", "p4"),
                ranking("p1", "ref", "p2", "n2", "n3", "p3"));

        Map<String, Double> metrics = score(BenchmarkProtocol.PATTERNCOM, query);

        // the reference stays: p1 at 1, p2 at 3, p3 at 6
        assertThat(metrics.get("mAP")).isCloseTo((1.0 + 2.0 / 3 + 3.0 / 6) / 4, within(1e-12));
        assertThat(metrics.get("P@5")).isCloseTo(0.4, within(1e-12));
        assertThat(metrics.get("R@10")).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void equalScoresAtTheCutOffAreBrokenById() {
        Ranking tied = Ranking.ofScored(List.of(new ScoredId("b-target", 0.9), new ScoredId("a-other", 0.9),
                new ScoredId("ref", 1.0)));
        QueryOutcome query = QueryOutcome.of("q", "ref", List.of("b-target"), tied);

        assertThat(score(BenchmarkProtocol.CIRR, query)).containsEntry("R@1", 0.0).containsEntry("R@5", 1.0);
    }

    @Test
    void queryWithoutPositivesIsNotScored() {
        assertThat(QueryScorer.score(BenchmarkProtocol.CIRR,
                QueryOutcome.of("hidden", "ref", List.of(), ranking("a")))).isEmpty();
        assertThat(QueryScorer.score(BenchmarkProtocol.CIRCO,
                QueryOutcome.of("only-ref", "ref", List.of("ref"), ranking("ref", "a")))).isEmpty();
    }

    @Test
    void emptyResultsScoreZero() {
        QueryOutcome query = QueryOutcome.of("q", "ref", List.of("t"), Ranking.empty())
                .withSubset(Set.of("ref", "t", "a"), Ranking.empty());

        assertThat(score(BenchmarkProtocol.CIRR, query).values()).hasSize(7).containsOnly(0.0);
    }
}
