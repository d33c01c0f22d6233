package io.cirstream.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small vector helpers shared by the encoders. */
final class Vectors {

    private Vectors() {
    }

    /** Scales {@code v} in place to unit L2 norm (a zero vector stays zero) and returns it. */
    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float inv = (float) (1.0 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    /** Applies {@code batch} to consecutive slices of at most {@code size} items and concatenates the rows. */
    static <T> List<float[]> inBatches(List<T> items, int size, Function<List<T>, float[][]> batch) {
        List<float[]> out = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += size) {
            for (float[] row : batch.apply(items.subList(from, Math.min(items.size(), from + size)))) {
                out.add(normalize(row));
            }
        }
        return out;
    }

    /** Row-major copy of equally long rows into one array. */
    static float[] flatten(List<float[]> rows, int width) {
        float[] flat = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != width) {
                throw new IllegalArgumentException("expected vectors of dimension " + width + ", got " + rows.get(r).length);
            }
            System.arraycopy(rows.get(r), 0, flat, r * width, width);
        }
        return flat;
    }
}
