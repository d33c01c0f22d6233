package io.cirstream.eval.metric;

import java.util.List;
import java.util.Set;

/**
 * Per-query retrieval metrics over a ranking, each in [0, 1]. Pure functions; an empty ranking or an
 * empty positive set scores 0 rather than failing, so one bad query cannot abort a whole evaluation.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** CIRR-style Recall@K: 1 if any positive is in the top K, else 0. */
    public static double hitAt(Ranking ranking, Set<String> positives, int k) {
        requirePositive(k);
        return ranking.top(k).stream().anyMatch(positives::contains) ? 1.0 : 0.0;
    }

    /** Positives in the top K divided by K (a short ranking still divides by K). */
    public static double precisionAt(Ranking ranking, Set<String> positives, int k) {
        requirePositive(k);
        return relevantIn(ranking.top(k), positives) / (double) k;
    }

    /** Fraction of all positives found in the top K (PatternCom-style R@k). */
    public static double recallAt(Ranking ranking, Set<String> positives, int k) {
        requirePositive(k);
        if (positives.isEmpty()) {
            return 0.0;
        }
        return relevantIn(ranking.top(k), positives) / (double) positives.size();
    }

    /** CIRCO AP@K = (1 / min(K, |G|)) * sum over k <= K of P@k * rel(k). */
    public static double averagePrecisionAt(Ranking ranking, Set<String> positives, int k) {
        requirePositive(k);
        if (positives.isEmpty()) {
            return 0.0;
        }
        return precisionSum(ranking.top(k), positives) / Math.min(k, positives.size());
    }

    /** AP over the full ranking, normalised by |G| so positives never retrieved count as misses. */
    public static double averagePrecision(Ranking ranking, Set<String> positives) {
        if (positives.isEmpty()) {
            return 0.0;
        }
        return precisionSum(ranking.ids(), positives) / positives.size();
    }

    private static double precisionSum(List<String> ids, Set<String> positives) {
        double sum = 0.0;
        int hits = 0;
        for (int rank = 1; rank <= ids.size(); rank++) {
            if (positives.contains(ids.get(rank - 1))) {
                hits++;
                sum += hits / (double) rank;
            }
        }
        return sum;
    }

    private static long relevantIn(List<String> ids, Set<String> positives) {
        return ids.stream().filter(positives::contains).count();
    }

    private static void requirePositive(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cut-off K must be >= 1, got " + k);
        }
    }
}
