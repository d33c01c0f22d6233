package io.cirstream.eval.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Keeps the {@code k} best results offered so far, by {@link ScoredId#RANK_ORDER}. */
final class TopK {

    private final int k;
    private final PriorityQueue<ScoredId> worstFirst;

    TopK(int k) {
        this.k = k;
        this.worstFirst = new PriorityQueue<>(k + 1, ScoredId.RANK_ORDER.reversed());
    }

    void offer(String id, double score) {
        if (worstFirst.size() < k) {
            worstFirst.add(new ScoredId(id, score));
            return;
        }
        // most candidates lose on score alone; skip allocating them
        if (score < worstFirst.peek().score()) {
            return;
        }
        ScoredId candidate = new ScoredId(id, score);
        if (ScoredId.RANK_ORDER.compare(candidate, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(candidate);
        }
    }

    /** The kept results, best first. */
    List<ScoredId> best() {
        List<ScoredId> best = new ArrayList<>(worstFirst);
        best.sort(ScoredId.RANK_ORDER);
        return best;
    }
}
