package io.cirstream.eval.metric;

import java.util.List;

/**
 * How each benchmark is scored (see docs/cir-formats.md): its cut-offs, whether the reference image
 * is removed from the ranking, and whether the headline numbers are a mean over categories.
 */
public enum BenchmarkProtocol {

    CIRR(true, false, Cutoffs.none().withRecall(1, 5, 10, 50).withSubsetRecall(1, 2, 3)),
    PATTERNCIR(true, false, Cutoffs.none().withRecall(1, 5, 10, 20, 50).withSubsetRecall(1, 2, 3)),
    /** The reference stays in the ranking; R@10/R@50 are averaged over dress, shirt and toptee. */
    FASHIONIQ(false, true, Cutoffs.none().withRecall(10, 50)),
    /**
     * The reference is never a positive; we also remove it from the ranking, since a query image
     * that can only ever be a miss would just shift every real positive down one rank.
     */
    CIRCO(true, false, Cutoffs.none().withMapAt(5, 10, 25, 50)),
    /** Full-ranking mAP and P@k/R@k per attribute, then the mean over attributes. */
    PATTERNCOM(false, true, Cutoffs.none().withFullMap().withPrecisionRecall(5, 10, 15, 20)),
    /** The synthetic CIR world is built CIRR-like, so it is scored like CIRR. */
    SYNTHETIC(true, false, Cutoffs.none().withRecall(1, 5, 10, 50).withSubsetRecall(1, 2, 3)),
    /**
     * Your own triplets: scored like CIRR without a subset (Recall@K, reference removed); a query with a category
     * is ranked over that category's gallery only, as FashionIQ.
     */
    TRIPLETS(true, false, Cutoffs.none().withRecall(1, 5, 10, 50));

    private final boolean excludesReference;
    private final boolean averagesOverCategories;
    private final Cutoffs cutoffs;

    BenchmarkProtocol(boolean excludesReference, boolean averagesOverCategories, Cutoffs cutoffs) {
        this.excludesReference = excludesReference;
        this.averagesOverCategories = averagesOverCategories;
        this.cutoffs = cutoffs;
    }

    /** Whether the reference image is removed from the ranking (and never counted as a positive). */
    public boolean excludesReference() {
        return excludesReference;
    }

    /** Whether headline metrics are the mean of per-category means rather than a mean over queries. */
    public boolean averagesOverCategories() {
        return averagesOverCategories;
    }

    /**
     * Whether each query is ranked over its own category's gallery only (FashionIQ: a dress query never sees
     * shirts). PatternCom's category is the query's attribute, not a gallery, so it ranks the whole gallery.
     */
    public boolean ranksWithinCategory() {
        return this == FASHIONIQ || this == TRIPLETS;
    }

    public Cutoffs cutoffs() {
        return cutoffs;
    }

    /** Headline metric names, in report column order. */
    public List<String> metricNames() {
        return cutoffs.metricNames();
    }

    /** The metrics drawn in the chart: the Recall@K family, or mAP@K for CIRCO. */
    public List<String> chartMetrics() {
        if (!cutoffs.recall().isEmpty()) {
            return cutoffs.recall().stream().map(MetricNames::recall).toList();
        }
        if (!cutoffs.mapAt().isEmpty()) {
            return cutoffs.mapAt().stream().map(MetricNames::mapAt).toList();
        }
        return cutoffs.precisionRecall().stream().map(MetricNames::recall).toList();
    }

    /**
     * How many results a runner must fetch per query so every metric is exact: the deepest cut-off,
     * plus one when the reference may occupy a slot, or the whole gallery for full-ranking mAP.
     */
    public int requiredDepth(int gallerySize) {
        if (cutoffs.fullMap()) {
            return gallerySize;
        }
        int depth = cutoffs.deepestCutoff() + (excludesReference ? 1 : 0);
        return Math.min(depth, gallerySize);
    }
}
