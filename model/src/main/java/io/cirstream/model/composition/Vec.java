package io.cirstream.model.composition;

/** The few vector operations composition needs; every result is a fresh array, inputs are never modified. */
public final class Vec {

    private Vec() {
    }

    public static double dot(float[] a, float[] b) {
        requireSameDimension(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    public static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    /** Cosine similarity; 0 when either vector is zero (no direction, no similarity). */
    public static double cosine(float[] a, float[] b) {
        double denominator = norm(a) * norm(b);
        return denominator == 0 ? 0 : dot(a, b) / denominator;
    }

    /** A unit-length copy of {@code v}; a zero vector stays zero. */
    public static float[] normalize(float[] v) {
        double n = norm(v);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = n == 0 ? 0f : (float) (v[i] / n);
        }
        return out;
    }

    /** {@code a·x + b·y}, computed in double precision. */
    public static float[] linear(double a, float[] x, double b, float[] y) {
        requireSameDimension(x, y);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (a * x[i] + b * y[i]);
        }
        return out;
    }

    static void requireSameDimension(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in dimension: " + a.length + " vs " + b.length);
        }
    }
}
