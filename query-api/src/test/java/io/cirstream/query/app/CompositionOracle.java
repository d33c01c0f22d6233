package io.cirstream.query.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The training-free composition methods and WeiCom written again from their formulas in shared/docs/anchors.md,
 * with plain loops and no code of the API's, so that a test's expected values do not come from the code under test.
 * The normal CDF uses Abramowitz and Stegun's erf approximation 7.1.26 (absolute error below 1.5e-7).
 */
final class CompositionOracle {
    private CompositionOracle() {
    }

    /** sum: normalise((1 − w)·i + w·t) of the normalised inputs. */
    static float[] sum(float[] image, float[] text, double w) {
        float[] i = unit(image);
        float[] t = unit(text);
        double[] q = new double[i.length];
        for (int d = 0; d < q.length; d++) {
            q[d] = (1 - w) * i[d] + w * t[d];
        }
        return unit(q);
    }

    /** slerp: sin((1 − α)θ)/sin θ · i + sin(αθ)/sin θ · t with θ = arccos(i·t); α weighs the text. */
    static float[] slerp(float[] image, float[] text, double alpha) {
        float[] i = unit(image);
        float[] t = unit(text);
        double cos = Math.max(-1, Math.min(1, dot(i, t)));
        double theta = Math.acos(cos);
        double[] q = new double[i.length];
        if (Math.sin(theta) < 1e-9) {
            for (int d = 0; d < q.length; d++) {
                q[d] = (1 - alpha) * i[d] + alpha * t[d];
            }
        } else {
            double a = Math.sin((1 - alpha) * theta) / Math.sin(theta);
            double b = Math.sin(alpha * theta) / Math.sin(theta);
            for (int d = 0; d < q.length; d++) {
                q[d] = a * i[d] + b * t[d];
            }
        }
        return unit(q);
    }

    /**
     * WeiCom over {@code gallery} (id to vector): (1 − λ)·Φ(z of cos to i) + λ·Φ(z of cos to t), z over the whole
     * gallery with the population standard deviation; best first, ties by id.
     */
    static List<Map.Entry<String, Double>> weicom(Map<String, float[]> gallery, float[] image, float[] text,
                                                  double lambda) {
        List<String> ids = new ArrayList<>(gallery.keySet());
        double[] si = new double[ids.size()];
        double[] st = new double[ids.size()];
        for (int n = 0; n < ids.size(); n++) {
            float[] x = gallery.get(ids.get(n));
            si[n] = cosine(x, image);
            st[n] = cosine(x, text);
        }
        double[] zi = zScores(si);
        double[] zt = zScores(st);
        List<Map.Entry<String, Double>> fused = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            fused.add(Map.entry(ids.get(n), (1 - lambda) * phi(zi[n]) + lambda * phi(zt[n])));
        }
        fused.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        return fused;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (double) a[d] * b[d];
        }
        return s;
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    private static double[] zScores(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean) / v.length;
        }
        double sd = Math.sqrt(var);
        double[] z = new double[v.length];
        for (int n = 0; n < v.length; n++) {
            z[n] = sd == 0 ? 0 : (v[n] - mean) / sd;
        }
        return z;
    }

    private static double phi(double z) {
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    private static double erf(double x) {
        double sign = Math.signum(x);
        double a = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * a);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return sign * (1 - poly * Math.exp(-a * a));
    }

    private static float[] unit(float[] v) {
        double[] d = new double[v.length];
        for (int n = 0; n < v.length; n++) {
            d[n] = v[n];
        }
        return unit(d);
    }

    private static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int n = 0; n < v.length; n++) {
            out[n] = (float) (v[n] / norm);
        }
        return out;
    }
}
