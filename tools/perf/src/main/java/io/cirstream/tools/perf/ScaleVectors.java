package io.cirstream.tools.perf;

import io.cirstream.model.composition.Vec;

import java.util.SplittableRandom;

/**
 * A reproducible gallery of unit vectors too large to hold: vector {@code i} is computed from the seed and {@code i}
 * alone (a cluster centre plus Gaussian noise, re-normalised), so the loader and the exact search can each stream
 * it without keeping a million 512-d vectors in memory. Clusters make the neighbourhoods realistic: a uniform random
 * cloud in 512 dimensions has no near neighbours and would flatter or punish HNSW arbitrarily.
 */
final class ScaleVectors {
    private static final double NOISE = 0.6;
    private final int dimension;
    private final long seed;
    private final float[][] centres;

    ScaleVectors(int dimension, int clusters, long seed) {
        this.dimension = dimension;
        this.seed = seed;
        this.centres = new float[clusters][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < clusters; c++) {
            float[] centre = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                centre[d] = (float) gaussian(random);
            }
            centres[c] = Vec.normalize(centre);
        }
    }

    int dimension() {
        return dimension;
    }

    /** Gallery vector {@code i}. */
    float[] vector(int i) {
        return around(centres[i % centres.length], new SplittableRandom(seed * 31 + i), NOISE);
    }

    /** Query {@code q}: near gallery vector {@code q * 7919}, but not one of them. */
    float[] query(int q, int galleryCount) {
        float[] base = vector((int) ((q * 7919L) % galleryCount));
        return around(base, new SplittableRandom(~seed - q), NOISE / 2);
    }

    private float[] around(float[] centre, SplittableRandom random, double noise) {
        float[] v = new float[dimension];
        double scale = noise / Math.sqrt(dimension);
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) (centre[d] + scale * gaussian(random));
        }
        return Vec.normalize(v);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
