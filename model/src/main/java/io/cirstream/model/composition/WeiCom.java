package io.cirstream.model.composition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * WeiCom late fusion (anchors.md): {@code score(x) = (1−λ)·Φ(z_img(x)) + λ·Φ(z_txt(x))}, where z is the
 * z-score of a similarity over the candidate set and Φ the normal CDF. The published method takes the
 * statistics over the whole gallery; here they are exact over the candidates handed in (the caller passes
 * the union of the image and text k-NN lists), which is the documented approximation.
 */
public final class WeiCom {

    public static final double DEFAULT_LAMBDA = 0.5;

    private WeiCom() {
    }

    /** A gallery item with its cosine similarity to the reference image i and to the text t. */
    public record Candidate(String id, double imageSimilarity, double textSimilarity) {
    }

    public record Fused(Candidate candidate, double score) {
    }

    /** All candidates, best first; equal scores are ordered by id so the ranking is deterministic. */
    public static List<Fused> rank(List<Candidate> candidates, double lambda) {
        Weights.requireUnitInterval("lambda", lambda);
        double[] image = zScores(candidates.stream().mapToDouble(Candidate::imageSimilarity).toArray());
        double[] text = zScores(candidates.stream().mapToDouble(Candidate::textSimilarity).toArray());
        List<Fused> fused = new ArrayList<>(candidates.size());
        for (int n = 0; n < candidates.size(); n++) {
            double score = (1 - lambda) * NormalCdf.phi(image[n]) + lambda * NormalCdf.phi(text[n]);
            fused.add(new Fused(candidates.get(n), score));
        }
        fused.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparing(f -> f.candidate().id()));
        return fused;
    }

    /**
     * (x − mean) / population standard deviation. A list without spread carries no ranking information,
     * so every z is 0 rather than a division by zero.
     */
    static double[] zScores(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= Math.max(1, values.length);
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / Math.max(1, values.length));
        double[] z = new double[values.length];
        for (int n = 0; n < values.length; n++) {
            z[n] = std == 0 ? 0 : (values[n] - mean) / std;
        }
        return z;
    }
}
