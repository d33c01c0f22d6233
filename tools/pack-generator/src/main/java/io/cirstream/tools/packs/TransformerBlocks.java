package io.cirstream.tools.packs;

import io.cirstream.tools.packs.OnnxGraph.Attr;

import java.util.List;
import java.util.SplittableRandom;

import static io.cirstream.tools.packs.GraphOps.add;
import static io.cirstream.tools.packs.GraphOps.matMul;
import static io.cirstream.tools.packs.GraphOps.mul;

/**
 * Pre-norm transformer layers as in CLIP (LayerNorm, multi-head attention, residual, LayerNorm, MLP with
 * QuickGELU, residual), on [batch, tokens, width] activations, with seeded random weights streamed to disk.
 */
final class TransformerBlocks {

    private static final double WEIGHT_STD = 0.02;

    private final OnnxGraph g;
    private final SplittableRandom seeds;

    TransformerBlocks(OnnxGraph g, long seed) {
        this.g = g;
        this.seeds = new SplittableRandom(seed);
    }

    /** A random weight: uniform with standard deviation {@code std}; each tensor gets its own stream. */
    String random(String hint, double std, long... dims) {
        SplittableRandom rng = seeds.split();
        double bound = std * Math.sqrt(3.0);
        return g.weight(hint, dims, i -> (rng.nextDouble() * 2 - 1) * bound);
    }

    String constant(String hint, double value, long... dims) {
        return g.weight(hint, dims, i -> value);
    }

    String layerNorm(String x, int width) {
        return g.op("LayerNormalization", List.of(x, constant("ln_scale", 1.0, width), constant("ln_bias", 0.0, width)),
                Attr.i("axis", -1), Attr.f("epsilon", 1e-5f));
    }

    String linear(String x, int in, int out) {
        return add(g, matMul(g, x, random("w", WEIGHT_STD, in, out)), constant("b", 0.0, out));
    }

    /** One residual layer; {@code mask} is an additive [tokens, tokens] attention mask or null. */
    String layer(String x, int width, int heads, String mask) {
        String attended = add(g, x, attention(layerNorm(x, width), width, heads, mask));
        String hidden = linear(layerNorm(attended, width), width, 4 * width);
        String gelu = mul(g, hidden, g.op("Sigmoid", mul(g, hidden, g.scalar("quick_gelu", 1.702f))));
        return add(g, attended, linear(gelu, 4 * width, width));
    }

    private String attention(String x, int width, int heads, String mask) {
        int headDim = width / heads;
        String split = g.longs("heads_shape", 0, 0, heads, headDim);
        String q = g.op("Transpose", g.op("Reshape", List.of(linear(x, width, width), split)), Attr.ints("perm", 0, 2, 1, 3));
        String kT = g.op("Transpose", g.op("Reshape", List.of(linear(x, width, width), split)), Attr.ints("perm", 0, 2, 3, 1));
        String v = g.op("Transpose", g.op("Reshape", List.of(linear(x, width, width), split)), Attr.ints("perm", 0, 2, 1, 3));
        String scores = mul(g, matMul(g, q, kT), g.scalar("scale", (float) (1.0 / Math.sqrt(headDim))));
        if (mask != null) {
            scores = add(g, scores, mask);
        }
        String weights = g.op("Softmax", scores, Attr.i("axis", -1));
        String merged = g.op("Reshape", List.of(
                g.op("Transpose", matMul(g, weights, v), Attr.ints("perm", 0, 2, 1, 3)),
                g.longs("merge_shape", 0, 0, width)));
        return linear(merged, width, width);
    }
}
