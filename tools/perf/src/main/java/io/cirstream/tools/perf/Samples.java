package io.cirstream.tools.perf;

import java.util.Arrays;
import java.util.SplittableRandom;

/** What the encoder benchmarks share: seeded input tensors shaped like normalised pixels, and medians of samples. */
final class Samples {

    private Samples() {
    }

    /** {@code n} values in the range CLIP-normalised pixels take, the same for the same seed. */
    static float[] pixels(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pixels = new float[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = (float) rng.nextDouble(-1.8, 2.1);
        }
        return pixels;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
