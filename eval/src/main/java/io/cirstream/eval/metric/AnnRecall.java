package io.cirstream.eval.metric;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much of the exact top-K an approximate (k-NN) search returned: |A ∩ B| / K with A, B the
 * distinct top-K ids of the approximate and exact rankings. When the gallery holds fewer than K
 * items, K is the size of the exact list, so a perfect search still scores 1.
 *
 * <p>Ties at the K-th exact score are broken by {@link ScoredId#RANK_ORDER}; an ANN search that picks
 * a different one of equally-scored ids is counted as a miss for that slot.
 */
public final class AnnRecall {

    private AnnRecall() {
    }

    public static double overlapAt(Ranking approximate, Ranking exact, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cut-off K must be >= 1, got " + k);
        }
        List<String> truth = exact.top(k);
        if (truth.isEmpty()) {
            return 0.0;
        }
        Set<String> found = new HashSet<>(approximate.top(k));
        found.retainAll(truth);
        return found.size() / (double) truth.size();
    }

    /** The mean overlap over queries paired by position; no queries scores 0. */
    public static double meanOverlapAt(List<Ranking> approximate, List<Ranking> exact, int k) {
        if (approximate.size() != exact.size()) {
            throw new IllegalArgumentException("ANN recall needs one exact ranking per approximate ranking, got "
                    + approximate.size() + " approximate and " + exact.size() + " exact");
        }
        double sum = 0.0;
        for (int i = 0; i < approximate.size(); i++) {
            sum += overlapAt(approximate.get(i), exact.get(i), k);
        }
        return approximate.isEmpty() ? 0.0 : sum / approximate.size();
    }
}
