package io.cirstream.eval.metric;

import java.util.Comparator;
import java.util.Objects;

/**
 * One search result: an opaque id and its similarity score (higher is better).
 *
 * <p>{@link #RANK_ORDER} is the single tie rule used everywhere in eval: score descending, then id
 * ascending in {@link String#compareTo} order. Ties in similarity are common with quantised or
 * duplicated images, and without a fixed rule two runs over the same vectors could report different
 * Recall@K. NaN scores rank last, and 0.0 and -0.0 are treated as the same score.
 */
public record ScoredId(String id, double score) {

    public static final Comparator<ScoredId> RANK_ORDER =
            Comparator.comparingDouble(ScoredId::descendingKey).thenComparing(ScoredId::id);

    public ScoredId {
        Objects.requireNonNull(id, "result id must not be null");
    }

    private static double descendingKey(ScoredId result) {
        double score = result.score;
        if (Double.isNaN(score)) {
            return Double.POSITIVE_INFINITY;
        }
        return score == 0.0 ? 0.0 : -score;
    }
}
