package io.cirstream.tools.packs;

import io.cirstream.tools.world.ObjectKind;
import io.cirstream.tools.world.TileGeometry;

/**
 * Each kind's expected silhouette under the world's jitter: its mask averaged over a grid of shifts and
 * scales spanning what the renderer draws, scaled to unit norm. Matching against the expectation rather
 * than one canonical mask keeps the score stable when the object moves a few pixels.
 */
final class ShapeTemplates {

    private static final int SHIFT_STEPS = 7;
    private static final int SCALE_STEPS = 3;

    private ShapeTemplates() {
    }

    /** Templates laid out [pixels, kinds] row-major, ready for MatMul(mask[batch, pixels], templates). */
    static float[] unitTemplates() {
        ObjectKind[] kinds = ObjectKind.values();
        int pixels = TileGeometry.SIZE * TileGeometry.SIZE;
        float[] out = new float[pixels * kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            double[] template = expectedMask(kinds[k]);
            double norm = 0;
            for (double v : template) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int p = 0; p < pixels; p++) {
                out[p * kinds.length + k] = (float) (template[p] / norm);
            }
        }
        return out;
    }

    private static double[] expectedMask(ObjectKind kind) {
        double[] sum = new double[TileGeometry.SIZE * TileGeometry.SIZE];
        for (int sx = 0; sx < SHIFT_STEPS; sx++) {
            for (int sy = 0; sy < SHIFT_STEPS; sy++) {
                for (int s = 0; s < SCALE_STEPS; s++) {
                    boolean[] mask = TileGeometry.objectMask(kind, step(sx, SHIFT_STEPS, -TileGeometry.MAX_SHIFT, TileGeometry.MAX_SHIFT),
                            step(sy, SHIFT_STEPS, -TileGeometry.MAX_SHIFT, TileGeometry.MAX_SHIFT),
                            step(s, SCALE_STEPS, TileGeometry.MIN_SCALE, TileGeometry.MAX_SCALE));
                    for (int p = 0; p < mask.length; p++) {
                        sum[p] += mask[p] ? 1 : 0;
                    }
                }
            }
        }
        return sum;
    }

    private static double step(int i, int steps, double min, double max) {
        return min + (max - min) * i / (steps - 1);
    }
}
