package io.cirstream.model.composition;

import java.util.Locale;
import java.util.Map;

/**
 * Spherical interpolation from the image embedding towards the text embedding (anchors.md, "Slerp", 2024):
 * {@code q = sin((1−α)θ)/sinθ · i + sin(αθ)/sinθ · t} with {@code θ = arccos(i·t)}; α is the weight of the text.
 */
public final class Slerp {

    /** The published α for CIRCO and FashionIQ; CIRR's is 0.9 (see {@link #defaultAlpha(String)}). */
    public static final double DEFAULT_ALPHA = 0.8;

    private static final Map<String, Double> PUBLISHED_ALPHA = Map.of("cirr", 0.9, "circo", 0.8, "fashioniq", 0.8);
    /** Below this angle sinθ underflows the division; the two directions coincide, so i is the answer. */
    private static final double PARALLEL = 1e-6;

    private Slerp() {
    }

    /** The published α for a benchmark name (cirr, circo, fashioniq), {@link #DEFAULT_ALPHA} for anything else. */
    public static double defaultAlpha(String benchmark) {
        return benchmark == null ? DEFAULT_ALPHA
                : PUBLISHED_ALPHA.getOrDefault(benchmark.toLowerCase(Locale.ROOT), DEFAULT_ALPHA);
    }

    /** Interpolates between unit vectors {@code i} and {@code t}; both are normalised first to be safe. */
    public static float[] compose(float[] image, float[] text, double alpha) {
        Weights.requireUnitInterval("alpha", alpha);
        float[] i = Vec.normalize(image);
        float[] t = Vec.normalize(text);
        double cos = Math.max(-1, Math.min(1, Vec.dot(i, t)));
        double theta = Math.acos(cos);
        double sin = Math.sin(theta);
        if (sin < PARALLEL) {
            return i;
        }
        return Vec.linear(Math.sin((1 - alpha) * theta) / sin, i, Math.sin(alpha * theta) / sin, t);
    }
}
