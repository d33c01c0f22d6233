package io.cirstream.eval.metric;

import java.util.Optional;

/**
 * The metric keys used in reports and in the published anchors, spelled once so that our numbers and
 * published ones line up by name.
 */
public final class MetricNames {

    /** Mean average precision over the full ranking (PatternCom). */
    public static final String MAP = "mAP";

    private static final String CATEGORY_SEPARATOR = "/";

    private MetricNames() {
    }

    /** Recall@K: a hit-rate for CIRR-style protocols, a fraction of positives for PatternCom. */
    public static String recall(int k) {
        return "R@" + k;
    }

    public static String subsetRecall(int k) {
        return "Rsubset@" + k;
    }

    public static String mapAt(int k) {
        return "mAP@" + k;
    }

    public static String precision(int k) {
        return "P@" + k;
    }

    /** Overlap of k-NN results with the exact top-K, see {@link AnnRecall}. */
    public static String annRecall(int k) {
        return "ANN@" + k;
    }

    /** A metric for one category (FashionIQ category, PatternCom attribute), e.g. {@code dress/R@10}. */
    public static String inCategory(String category, String metric) {
        return category + CATEGORY_SEPARATOR + metric;
    }

    /** The category of a category-scoped metric name, or empty for a headline metric. */
    public static Optional<String> categoryOf(String metric) {
        int separator = metric.indexOf(CATEGORY_SEPARATOR);
        return separator < 0 ? Optional.empty() : Optional.of(metric.substring(0, separator));
    }
}
