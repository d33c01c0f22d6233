package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final Ranking EMPTY = Ranking.empty();

    @Test
    void hitAtCountsAnyPositiveInTopK() {
        Ranking ranking = Ranking.ofOrdered(List.of("x", "y", "t2", "t1"));

        assertThat(RankingMetrics.hitAt(ranking, Set.of("t1", "t2"), 2)).isZero();
        assertThat(RankingMetrics.hitAt(ranking, Set.of("t1", "t2"), 3)).isEqualTo(1.0);
    }

    @Test
    void circoAveragePrecisionMatchesHandComputation() {
        // positives at ranks 1, 3, 5: P@1 = 1, P@3 = 2/3, P@5 = 3/5; min(K=5, |G|=3) = 3
        Ranking ranking = Ranking.ofOrdered(List.of("a", "x", "b", "y", "c", "z"));
        Set<String> positives = Set.of("a", "b", "c");

        assertThat(RankingMetrics.averagePrecisionAt(ranking, positives, 5))
                .isCloseTo((1.0 + 2.0 / 3 + 3.0 / 5) / 3, within(1e-12));
        // K = 2 < |G|: only rank 1 counts, normalised by min(2, 3) = 2
        assertThat(RankingMetrics.averagePrecisionAt(ranking, positives, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void fullAveragePrecisionCountsUnretrievedPositivesAsMisses() {
        // p1 at 1, p2 at 3, p3 at 6, p4 never: (1 + 2/3 + 3/6) / 4
        Ranking ranking = Ranking.ofOrdered(List.of("p1", "n1", "p2", "n2", "n3", "p3"));
        Set<String> positives = Set.of("p1", "p2", "p3", "p4");

        assertThat(RankingMetrics.averagePrecision(ranking, positives))
                .isCloseTo((1.0 + 2.0 / 3 + 0.5) / 4, within(1e-12));
        assertThat(RankingMetrics.precisionAt(ranking, positives, 5)).isCloseTo(0.4, within(1e-12));
        assertThat(RankingMetrics.recallAt(ranking, positives, 5)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void precisionOfAShortRankingStillDividesByK() {
        assertThat(RankingMetrics.precisionAt(Ranking.ofOrdered(List.of("p")), Set.of("p"), 4)).isEqualTo(0.25);
    }

    @Test
    void duplicatesInARankingCountOnce() {
        Ranking ranking = Ranking.ofOrdered(List.of("x", "a", "a", "b"));

        assertThat(RankingMetrics.precisionAt(ranking, Set.of("a", "b"), 3)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void emptyRankingOrNoPositivesScoreZero() {
        Set<String> positives = Set.of("t");
        Ranking ranking = Ranking.ofOrdered(List.of("t"));

        assertThat(RankingMetrics.hitAt(EMPTY, positives, 1)).isZero();
        assertThat(RankingMetrics.averagePrecisionAt(EMPTY, positives, 5)).isZero();
        assertThat(RankingMetrics.averagePrecision(EMPTY, positives)).isZero();
        assertThat(RankingMetrics.averagePrecisionAt(ranking, Set.of(), 5)).isZero();
        assertThat(RankingMetrics.averagePrecision(ranking, Set.of())).isZero();
        assertThat(RankingMetrics.recallAt(ranking, Set.of(), 5)).isZero();
    }

    @Test
    void cutOffBelowOneIsRejected() {
        assertThatThrownBy(() -> RankingMetrics.hitAt(EMPTY, Set.of("t"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
