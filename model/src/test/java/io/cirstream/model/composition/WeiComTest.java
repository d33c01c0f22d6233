package io.cirstream.model.composition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeiComTest {

    /*
     * image similarities 0.9, 0.5, 0.1: mean 0.5, population std 0.326599, z = +1.224745, 0, −1.224745
     * text similarities  0.2, 0.8, 0.5: mean 0.5, population std 0.244949, z = −1.224745, +1.224745, 0
     * Φ(1.224745) = 0.889664, Φ(0) = 0.5, Φ(−1.224745) = 0.110336
     */
    private static final List<WeiCom.Candidate> CANDIDATES = List.of(
            new WeiCom.Candidate("a", 0.9, 0.2),
            new WeiCom.Candidate("b", 0.5, 0.8),
            new WeiCom.Candidate("c", 0.1, 0.5));

    @Test
    void equalWeightsFavourTheTextMatch() {
        // λ = 0.5: a = 0.5, b = 0.694832, c = 0.305168
        List<WeiCom.Fused> ranked = WeiCom.rank(CANDIDATES, 0.5);
        assertThat(ranked).extracting(f -> f.candidate().id()).containsExactly("b", "a", "c");
        assertThat(ranked.get(0).score()).isCloseTo(0.6948322, within(1e-6));
        assertThat(ranked.get(1).score()).isCloseTo(0.5, within(1e-6));
        assertThat(ranked.get(2).score()).isCloseTo(0.3051678, within(1e-6));
    }

    @Test
    void smallerLambdaFavoursTheImageMatch() {
        // λ = 0.3: a = 0.7·0.889664 + 0.3·0.110336 = 0.655866, b = 0.616899, c = 0.227235
        List<WeiCom.Fused> ranked = WeiCom.rank(CANDIDATES, 0.3);
        assertThat(ranked).extracting(f -> f.candidate().id()).containsExactly("a", "b", "c");
        assertThat(ranked.get(0).score()).isCloseTo(0.6558657, within(1e-6));
    }

    @Test
    void noSpreadMeansNoPreferenceAndTiesBreakById() {
        List<WeiCom.Fused> ranked = WeiCom.rank(List.of(
                new WeiCom.Candidate("y", 0.4, 0.4), new WeiCom.Candidate("x", 0.4, 0.4)), 0.5);
        assertThat(ranked).extracting(f -> f.candidate().id()).containsExactly("x", "y");
        assertThat(ranked).allSatisfy(f -> assertThat(f.score()).isCloseTo(0.5, within(1e-7)));
    }

    @Test
    void normalCdfMatchesTabulatedValues() {
        assertThat(NormalCdf.phi(0)).isCloseTo(0.5, within(1e-7));
        assertThat(NormalCdf.phi(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(NormalCdf.phi(-1)).isCloseTo(0.1586553, within(1e-6));
        assertThat(NormalCdf.phi(3)).isCloseTo(0.9986501, within(1e-6));
    }
}
