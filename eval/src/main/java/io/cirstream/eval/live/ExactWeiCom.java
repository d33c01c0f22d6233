package io.cirstream.eval.live;

import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.query.app.QueryApiConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * WeiCom computed here from anchors.md, sharing no code with the query API's {@code WeiCom}, so that the live
 * check of method weicom has an expected ranking of its own: score(x) = (1−λ)·Φ(z_img(x)) + λ·Φ(z_txt(x)), z the
 * z-score of a cosine similarity with the population standard deviation over the candidate set, Φ the standard
 * normal CDF (through Abramowitz and Stegun's erf 7.1.28, absolute error below 3e-7), ties by id. The candidate
 * set is the one the API documents: the union of the exact top {@code perList} by the reference image and by the
 * text.
 */
final class ExactWeiCom {
    /**
     * The size of each of the API's two k-NN lists when it runs with its default {@code query.weicom.candidates};
     * a server configured otherwise fuses over another candidate set, and the check says so through a lower ANN
     * recall.
     */
    static final int API_CANDIDATES = Integer.parseInt(QueryApiConfig.WEICOM_CANDIDATES.defaultValue());

    private ExactWeiCom() {
    }

    /**
     * The exact WeiCom ranking of one query over a gallery, best first, all candidates.
     *
     * @param stored the gallery's stored vectors by id (the similarities are cosines, as the API fuses them)
     */
    static List<ScoredId> rank(ExactSearch gallery, Function<String, float[]> stored, float[] image, float[] text,
                               int perList, double lambda) {
        Set<String> union = new LinkedHashSet<>();
        gallery.topK(image, perList).forEach(hit -> union.add(hit.id()));
        gallery.topK(text, perList).forEach(hit -> union.add(hit.id()));
        List<String> ids = List.copyOf(union);
        double[] byImage = new double[ids.size()];
        double[] byText = new double[ids.size()];
        for (int n = 0; n < ids.size(); n++) {
            float[] vector = stored.apply(ids.get(n));
            byImage[n] = cosine(vector, image);
            byText[n] = cosine(vector, text);
        }
        return fuse(ids, byImage, byText, lambda);
    }

    /** Fuses the candidates' image and text similarities; best first, equal scores by id. */
    static List<ScoredId> fuse(List<String> ids, double[] imageSimilarity, double[] textSimilarity, double lambda) {
        double[] zImage = standardised(imageSimilarity);
        double[] zText = standardised(textSimilarity);
        List<ScoredId> fused = new ArrayList<>(ids.size());
        for (int n = 0; n < ids.size(); n++) {
            fused.add(new ScoredId(ids.get(n), (1 - lambda) * normalCdf(zImage[n]) + lambda * normalCdf(zText[n])));
        }
        fused.sort(ScoredId.RANK_ORDER);
        return fused;
    }

    /** z-scores with the population standard deviation; a list without spread ranks nothing, so all 0. */
    static double[] standardised(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = values.length == 0 ? 0 : sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length == 0 ? 0 : Math.sqrt(squares / values.length);
        double[] z = new double[values.length];
        for (int n = 0; n < values.length; n++) {
            z[n] = sd > 0 ? (values[n] - mean) / sd : 0;
        }
        return z;
    }

    /** Φ(z) = (1 + erf(z/√2)) / 2. */
    static double normalCdf(double z) {
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    /** Abramowitz and Stegun 7.1.28: erf(x) = 1 − (1 + a1·x + … + a6·x⁶)^−16 for x ≥ 0, odd in x. */
    private static double erf(double x) {
        double a = Math.abs(x);
        double p = 1 + a * (0.0705230784 + a * (0.0422820123 + a * (0.0092705272 + a * (0.0001520143
                + a * (0.0002765672 + a * 0.0000430638)))));
        double value = 1 - Math.pow(p, -16);
        return x < 0 ? -value : value;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
    }
}
