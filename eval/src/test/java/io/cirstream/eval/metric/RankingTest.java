package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void equalScoresAreOrderedByIdAndNanRanksLast() {
        Ranking ranking = Ranking.ofScored(List.of(
                new ScoredId("d", Double.NaN), new ScoredId("b", 0.9), new ScoredId("a", 0.9),
                new ScoredId("c", 0.95), new ScoredId("e", -1.0)));

        assertThat(ranking.ids()).containsExactly("c", "a", "b", "e", "d");
    }

    @Test
    void tieRuleDoesNotDependOnInputOrder() {
        List<ScoredId> results = new ArrayList<>(List.of(new ScoredId("z", 0.0), new ScoredId("y", -0.0),
                new ScoredId("x2", 0.5), new ScoredId("x10", 0.5)));
        List<ScoredId> reversed = new ArrayList<>(results);
        Collections.reverse(reversed);

        assertThat(Ranking.ofScored(results).ids()).containsExactly("x10", "x2", "y", "z");
        assertThat(Ranking.ofScored(reversed)).isEqualTo(Ranking.ofScored(results));
    }

    @Test
    void repeatedIdKeepsItsBestPosition() {
        assertThat(Ranking.ofOrdered(List.of("a", "b", "a", "c", "b")).ids()).containsExactly("a", "b", "c");
        assertThat(Ranking.ofScored(List.of(new ScoredId("a", 0.1), new ScoredId("b", 0.5),
                new ScoredId("a", 0.9))).ids()).containsExactly("a", "b");
    }

    @Test
    void withoutAndRestrictKeepOrder() {
        Ranking ranking = Ranking.ofOrdered(List.of("a", "ref", "b", "t"));

        assertThat(ranking.without("ref").ids()).containsExactly("a", "b", "t");
        assertThat(ranking.restrictedTo(Set.of("t", "a", "missing")).ids()).containsExactly("a", "t");
        assertThat(ranking.top(10)).containsExactly("a", "ref", "b", "t");
        assertThat(Ranking.empty().top(3)).isEmpty();
    }

    @Test
    void nullIdIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> Ranking.ofOrdered(Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 1");
    }
}
