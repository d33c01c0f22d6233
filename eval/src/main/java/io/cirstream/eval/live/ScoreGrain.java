package io.cirstream.eval.live;

import io.cirstream.eval.metric.Ranking;
import io.cirstream.eval.metric.ScoredId;

import java.util.List;

/**
 * Ranks results by similarity rounded to {@link #DECIMALS} decimals, so near-ties become ties broken by id.
 * The embedder encodes in micro-batches whose make-up depends on timing, and ONNX Runtime's float results
 * differ in the last bits between batch sizes; look-alike images (the synthetic world has many) then swap
 * places from run to run on differences of about 1e-7. Real differences between images are far larger.
 */
final class ScoreGrain {
    static final int DECIMALS = 5;
    private static final double SCALE = Math.pow(10, DECIMALS);

    private ScoreGrain() {
    }

    static Ranking rank(List<ScoredId> results) {
        return Ranking.ofScored(results.stream().map(r -> new ScoredId(r.id(), Math.round(r.score() * SCALE) / SCALE))
                .toList());
    }
}
