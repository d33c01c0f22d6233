package io.cirstream.eval.live;

import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.model.composition.Vec;

import java.util.List;
import java.util.Map;

/**
 * What every method's evaluation shares: the API client, the composed vectors and the exact index over the
 * stored gallery, and how deep to search.
 *
 * @param depth          results asked of the API per query: enough for the protocol's deepest cut-off (plus the
 *                       reference, which it removes) and for the deepest ANN cut-off
 * @param perCategory    where the protocol ranks each query within its category (FashionIQ), exact search over
 *                       each category's gallery; empty otherwise
 */
record EvalContext(SearchApiClient api, QueryVectors vectors, ExactSearch exact, ExactSearch.Similarity similarity,
                   String collection, int depth, List<Integer> annCutoffs, int concurrency,
                   Map<String, ExactSearch> perCategory) {

    EvalContext {
        perCategory = perCategory == null ? Map.of() : Map.copyOf(perCategory);
    }

    EvalContext(SearchApiClient api, QueryVectors vectors, ExactSearch exact, ExactSearch.Similarity similarity,
                String collection, int depth, List<Integer> annCutoffs, int concurrency) {
        this(api, vectors, exact, similarity, collection, depth, annCutoffs, concurrency, Map.of());
    }

    /** Whether queries are ranked within their category's gallery. */
    boolean ranksWithinCategory() {
        return !perCategory.isEmpty();
    }

    /** The category whose gallery a query is searched in, or null for the whole collection. */
    String scopeOf(BenchmarkQuery query) {
        return ranksWithinCategory() ? query.category() : null;
    }

    /** Exact search over the gallery a query is ranked in. */
    ExactSearch exactFor(BenchmarkQuery query) {
        String scope = scopeOf(query);
        if (scope == null) {
            return exact;
        }
        ExactSearch search = perCategory.get(scope);
        if (search == null) {
            throw new IllegalStateException("query " + query.queryId() + " is in category '" + scope
                    + "', but no indexed image of " + collection + " is tagged with it: replay the benchmark again");
        }
        return search;
    }

    int deepestAnnCutoff() {
        return annCutoffs.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    double similarity(float[] query, float[] stored) {
        return similarity == ExactSearch.Similarity.COSINE ? Vec.cosine(query, stored) : Vec.dot(query, stored);
    }
}
