package io.cirstream.query.search;

import io.cirstream.contract.pack.SpaceType;

/**
 * The lucene engine reports a score, not the similarity: for cosinesimil {@code (1 + cos) / 2}; for
 * innerproduct {@code 1 + ip} when ip ≥ 0 and {@code 1 / (1 − ip)} otherwise. Users see the similarity.
 */
final class ScoreConversion {

    private ScoreConversion() {
    }

    static double toSimilarity(SpaceType space, double score) {
        return switch (space) {
            case COSINE -> 2 * score - 1;
            case INNER_PRODUCT -> score >= 1 ? score - 1 : 1 - 1 / score;
        };
    }
}
