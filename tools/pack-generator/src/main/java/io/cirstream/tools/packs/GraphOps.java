package io.cirstream.tools.packs;

import io.cirstream.tools.packs.OnnxGraph.Attr;

import java.util.List;

/** Building blocks shared by the generated towers. */
final class GraphOps {

    private static final float EPS = 1e-12f;

    private GraphOps() {
    }

    /** x / ||x|| over the last axis. */
    static String l2Normalize(OnnxGraph g, String x) {
        String sq = g.op("ReduceSumSquare", List.of(x, g.longs("axes", -1)), Attr.i("keepdims", 1));
        String norm = g.op("Sqrt", List.of(g.op("Add", List.of(sq, g.scalar("eps", EPS)))));
        return g.op("Div", List.of(x, norm));
    }

    /** Sum over {@code axes}. */
    static String sum(OnnxGraph g, String x, boolean keepDims, long... axes) {
        return g.op("ReduceSum", List.of(x, g.longs("axes", axes)), Attr.i("keepdims", keepDims ? 1 : 0));
    }

    /** x / (sum of x over the last axis + eps): turns non-negative scores into proportions. */
    static String proportions(OnnxGraph g, String x) {
        String total = g.op("Add", List.of(sum(g, x, true, -1), g.scalar("eps", 1e-6f)));
        return g.op("Div", List.of(x, total));
    }

    static String mul(OnnxGraph g, String a, String b) {
        return g.op("Mul", List.of(a, b));
    }

    static String add(OnnxGraph g, String a, String b) {
        return g.op("Add", List.of(a, b));
    }

    static String matMul(OnnxGraph g, String a, String b) {
        return g.op("MatMul", List.of(a, b));
    }
}
