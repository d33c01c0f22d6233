package io.cirstream.tools.packs;

import io.cirstream.tools.world.Vocabulary;

import java.util.Random;

/**
 * One unit direction per attribute word of the synthetic world, mutually orthogonal (Gram-Schmidt on
 * seeded Gaussian vectors), so the image tower and the text tower of the synthetic pack agree on meaning.
 */
final class AttributeSpace {

    private final int dimension;
    private final float[][] directions;

    AttributeSpace(int dimension, long seed) {
        int count = Vocabulary.attributeWords().size();
        if (count > dimension) {
            throw new IllegalArgumentException(count + " attributes need dimension >= " + count + ", was " + dimension);
        }
        this.dimension = dimension;
        this.directions = orthonormal(count, dimension, new Random(seed));
    }

    int attributes() {
        return directions.length;
    }

    float[] direction(int attribute) {
        return directions[attribute].clone();
    }

    /** All directions row-major [attributes, dimension]. */
    float[] directions() {
        float[] flat = new float[directions.length * dimension];
        for (int a = 0; a < directions.length; a++) {
            System.arraycopy(directions[a], 0, flat, a * dimension, dimension);
        }
        return flat;
    }

    private static float[][] orthonormal(int count, int dimension, Random random) {
        double[][] basis = new double[count][dimension];
        for (int a = 0; a < count; a++) {
            for (int d = 0; d < dimension; d++) {
                basis[a][d] = random.nextGaussian();
            }
            for (int b = 0; b < a; b++) {
                double dot = 0;
                for (int d = 0; d < dimension; d++) {
                    dot += basis[a][d] * basis[b][d];
                }
                for (int d = 0; d < dimension; d++) {
                    basis[a][d] -= dot * basis[b][d];
                }
            }
            double norm = 0;
            for (double v : basis[a]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < dimension; d++) {
                basis[a][d] /= norm;
            }
        }
        float[][] out = new float[count][dimension];
        for (int a = 0; a < count; a++) {
            for (int d = 0; d < dimension; d++) {
                out[a][d] = (float) basis[a][d];
            }
        }
        return out;
    }
}
