package io.cirstream.model.composition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every expected vector here was computed by hand (values in the comments). */
class CompositionTest {
    private static final float[] X = {1, 0};
    private static final float[] Y = {0, 1};

    @Test
    void weightedSumOfOrthogonalUnitVectors() {
        // w = 0.5: (0.5, 0.5) / 0.70711 = (0.70711, 0.70711)
        assertVector(WeightedSum.compose(X, Y, 0.5), 0.7071068, 0.7071068);
        // w = 0.25: (0.75, 0.25) / 0.79057 = (0.94868, 0.31623)
        assertVector(WeightedSum.compose(X, Y, 0.25), 0.9486833, 0.3162278);
    }

    @Test
    void weightedSumNormalisesInputsFirst() {
        // (3, 0) and (0, 0.5) point the same ways as X and Y, so the result is the same bisector.
        assertVector(WeightedSum.compose(new float[]{3, 0}, new float[]{0, 0.5f}, 0.5), 0.7071068, 0.7071068);
    }

    @Test
    void slerpAtRightAngleFollowsTheArc() {
        // θ = π/2, sinθ = 1; α = 0.8: (sin(0.2·π/2), sin(0.8·π/2)) = (sin 18°, sin 72°) = (0.30902, 0.95106)
        assertVector(Slerp.compose(X, Y, 0.8), 0.3090170, 0.9510565);
        // α = 0.9 (CIRR): (sin 9°, sin 81°) = (0.15643, 0.98769)
        assertVector(Slerp.compose(X, Y, Slerp.defaultAlpha("CIRR")), 0.1564345, 0.9876883);
    }

    @Test
    void slerpEndpointsAndMidpoint() {
        float[] t = {0.6f, 0.8f};
        assertVector(Slerp.compose(X, t, 0), 1, 0);
        assertVector(Slerp.compose(X, t, 1), 0.6, 0.8);
        // θ = acos 0.6 = 0.92730; α = 0.5: both weights sin(0.46365)/0.8 = 0.55902,
        // q = 0.55902·(1, 0) + 0.55902·(0.6, 0.8) = (0.89443, 0.44721), the unit bisector.
        assertVector(Slerp.compose(X, t, 0.5), 0.8944272, 0.4472136);
    }

    @Test
    void slerpOfParallelVectorsIsTheImage() {
        assertVector(Slerp.compose(X, new float[]{2, 0}, 0.8), 1, 0);
    }

    @Test
    void slerpDefaultsFollowTheAnchors() {
        assertThat(Slerp.defaultAlpha("cirr")).isEqualTo(0.9);
        assertThat(Slerp.defaultAlpha("circo")).isEqualTo(0.8);
        assertThat(Slerp.defaultAlpha("fashioniq")).isEqualTo(0.8);
        assertThat(Slerp.defaultAlpha(null)).isEqualTo(Slerp.DEFAULT_ALPHA);
    }

    @Test
    void weightsOutsideTheUnitIntervalAreRefused() {
        assertThatThrownBy(() -> Slerp.compose(X, Y, 1.5)).hasMessageContaining("alpha must be within [0, 1]");
        assertThatThrownBy(() -> WeightedSum.compose(X, Y, -0.1)).hasMessageContaining("w must be within");
        assertThatThrownBy(() -> new CompositionParams(0.5, 0.5, Double.NaN)).hasMessageContaining("lambda");
    }

    @Test
    void pureMethodsOfTheComposer() {
        Composer composer = new Composer(java.util.Optional.empty(), java.util.Optional.empty());
        CompositionParams params = new CompositionParams(0.25, 0.8, 0.5);
        assertVector(composer.compose(Method.IMAGE, params, new float[]{2, 0}, null, null), 1, 0);
        assertVector(composer.compose(Method.TEXT, params, null, "x", new float[]{0, 3}), 0, 1);
        assertVector(composer.compose(Method.SUM, params, X, "x", Y), 0.9486833, 0.3162278);
        assertVector(composer.compose(Method.SLERP, params, X, "x", Y), 0.3090170, 0.9510565);
        assertThat(composer.supports(Method.PSEUDO_TOKEN)).isFalse();
        assertThat(composer.supports(Method.COMBINER)).isFalse();
        assertThatThrownBy(() -> composer.compose(Method.COMBINER, params, X, "x", Y))
                .hasMessageContaining("no network for combiner");
    }

    @Test
    void methodNamesRoundTrip() {
        for (Method m : Method.values()) {
            assertThat(Method.parse(m.wireName())).contains(m);
        }
        assertThat(Method.parse("pseudo_token")).contains(Method.PSEUDO_TOKEN);
        assertThat(Method.parse("SUM")).isEmpty();
    }

    private static void assertVector(float[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int n = 0; n < expected.length; n++) {
            assertThat((double) actual[n]).as("component %d", n).isCloseTo(expected[n], within(1e-6));
        }
    }
}
