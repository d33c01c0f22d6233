package io.cirstream.eval.live;

import io.cirstream.tools.world.SyntheticQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * CIRR-style Recall@K computed from first principles for checking the live runner: its own composition
 * arithmetic (in double precision, from anchors.md), a full sort of the gallery by cosine, the reference
 * removed, a hit when the designated target is in the top K. Shares no code with eval's metrics or the
 * query API's composition.
 */
final class BruteForceRecall {

    private BruteForceRecall() {
    }

    /** Recall@K in percent for {@code method} (image, text, sum or slerp with the given alpha). */
    static double recallAt(SyntheticBench bench, String method, double alpha, int k) {
        int hits = 0;
        for (SyntheticQuery query : bench.queries) {
            double[] q = compose(method, alpha, bench.images.get(bench.imageId(query.reference())),
                    bench.captions.get(query.caption()));
            String reference = bench.imageId(query.reference());
            List<Map.Entry<String, Double>> ranked = new ArrayList<>();
            bench.images.forEach((id, v) -> {
                if (!id.equals(reference)) {
                    ranked.add(Map.entry(id, cosine(q, v)));
                }
            });
            ranked.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey));
            String target = bench.imageId(query.target());
            if (ranked.subList(0, Math.min(k, ranked.size())).stream().anyMatch(e -> e.getKey().equals(target))) {
                hits++;
            }
        }
        return 100.0 * hits / bench.queries.size();
    }

    /** The query vector of {@code method} in double precision, of unit length. */
    static double[] compose(String method, double alpha, float[] image, float[] text) {
        double[] i = unit(image);
        double[] t = unit(text);
        return switch (method) {
            case "image" -> i;
            case "text" -> t;
            case "sum" -> unit(add(i, 1, t, 1));
            case "slerp" -> {
                double cos = Math.max(-1, Math.min(1, dot(i, t)));
                double theta = Math.acos(cos);
                yield add(i, Math.sin((1 - alpha) * theta) / Math.sin(theta), t, Math.sin(alpha * theta) / Math.sin(theta));
            }
            default -> throw new IllegalArgumentException("no brute-force composition for " + method);
        };
    }

    private static double[] add(double[] a, double wa, double[] b, double wb) {
        double[] out = new double[a.length];
        for (int d = 0; d < a.length; d++) {
            out[d] = wa * a[d] + wb * b[d];
        }
        return out;
    }

    private static double[] unit(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return unit(d);
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    static double cosine(double[] unitQuery, float[] v) {
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            dot += unitQuery[i] * v[i];
            norm += (double) v[i] * v[i];
        }
        return dot / Math.sqrt(norm);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
