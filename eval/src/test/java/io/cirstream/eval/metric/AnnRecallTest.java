package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnRecallTest {

    private static Ranking ranking(String... ids) {
        return Ranking.ofOrdered(List.of(ids));
    }

    @Test
    void overlapIsSharedTopKOverK() {
        assertThat(AnnRecall.overlapAt(ranking("a", "x", "b", "c"), ranking("c", "b", "a", "d"), 3))
                .isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void smallGalleryDividesByWhatExists() {
        assertThat(AnnRecall.overlapAt(ranking("b", "a"), ranking("a", "b"), 10)).isEqualTo(1.0);
        assertThat(AnnRecall.overlapAt(Ranking.empty(), ranking("a", "b"), 10)).isZero();
        assertThat(AnnRecall.overlapAt(ranking("a"), Ranking.empty(), 10)).isZero();
    }

    @Test
    void meanIsOverQueries() {
        double mean = AnnRecall.meanOverlapAt(List.of(ranking("a", "b"), ranking("x", "y")),
                List.of(ranking("a", "b"), ranking("x", "z")), 2);

        assertThat(mean).isCloseTo(0.75, within(1e-12));
        assertThat(AnnRecall.meanOverlapAt(List.of(), List.of(), 5)).isZero();
        assertThatThrownBy(() -> AnnRecall.meanOverlapAt(List.of(ranking("a")), List.of(), 1))
                .hasMessageContaining("1 approximate and 0 exact");
    }
}
