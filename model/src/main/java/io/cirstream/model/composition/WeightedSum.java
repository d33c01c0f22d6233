package io.cirstream.model.composition;

/** {@code q = normalise((1−w)·i + w·t)}; w = 0.5 is the plain sum of anchors.md up to scale. */
public final class WeightedSum {

    public static final double DEFAULT_WEIGHT = 0.5;

    private WeightedSum() {
    }

    public static float[] compose(float[] image, float[] text, double w) {
        Weights.requireUnitInterval("w", w);
        return Vec.normalize(Vec.linear(1 - w, Vec.normalize(image), w, Vec.normalize(text)));
    }
}
