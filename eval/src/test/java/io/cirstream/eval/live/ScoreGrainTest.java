package io.cirstream.eval.live;

import io.cirstream.eval.metric.ScoredId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreGrainTest {

    @Test
    void floatNoiseTiesAndTheIdDecides() {
        List<ScoredId> run1 = List.of(new ScoredId("b", 0.81234561), new ScoredId("a", 0.81234549));
        List<ScoredId> run2 = List.of(new ScoredId("a", 0.81234561), new ScoredId("b", 0.81234549));
        assertThat(ScoreGrain.rank(run1).ids()).containsExactly("a", "b");
        assertThat(ScoreGrain.rank(run2).ids()).containsExactly("a", "b");
    }

    @Test
    void realDifferencesKeepTheirOrder() {
        List<ScoredId> results = List.of(new ScoredId("a", 0.8123), new ScoredId("b", 0.8124), new ScoredId("c", 0.5));
        assertThat(ScoreGrain.rank(results).ids()).containsExactly("b", "a", "c");
    }
}
