package io.cirstream.eval.live;

import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.query.compose.Vec;

import java.util.List;

/**
 * What every method's evaluation shares: the API client, the composed vectors and the exact index over the
 * stored gallery, and how deep to search.
 *
 * @param depth results asked of the API per query: enough for the protocol's deepest cut-off (plus the
 *              reference, which it removes) and for the deepest ANN cut-off
 */
record EvalContext(SearchApiClient api, QueryVectors vectors, ExactSearch exact, ExactSearch.Similarity similarity,
                   String collection, int depth, List<Integer> annCutoffs, int concurrency) {

    int deepestAnnCutoff() {
        return annCutoffs.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    double similarity(float[] query, float[] stored) {
        return similarity == ExactSearch.Similarity.COSINE ? Vec.cosine(query, stored) : Vec.dot(query, stored);
    }
}
