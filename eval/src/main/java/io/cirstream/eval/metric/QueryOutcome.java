package io.cirstream.eval.metric;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What one query returned, with what it should have returned. Ids are opaque strings.
 *
 * @param queryId        the benchmark's query id (pairid, CIRCO id, ...), for tracing only
 * @param category       FashionIQ category or PatternCom attribute; empty when the benchmark has none
 * @param referenceId    the reference image of the query
 * @param groundTruth    the positives (one for CIRR/FashionIQ, several for CIRCO/PatternCom)
 * @param subsetMembers  CIRR/PatternCIR {@code img_set.members}; empty when not scored
 * @param ranking        results over the full gallery, best first
 * @param subsetRanking  results over the subset members only (e.g. from a filtered k-NN query);
 *                       when empty, the full ranking restricted to the members is used instead
 */
public record QueryOutcome(String queryId, String category, String referenceId, Set<String> groundTruth,
                           Set<String> subsetMembers, Ranking ranking, Ranking subsetRanking) {

    public QueryOutcome {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(referenceId, () -> "referenceId of query " + queryId);
        Objects.requireNonNull(ranking, () -> "ranking of query " + queryId);
        category = category == null ? "" : category;
        groundTruth = groundTruth == null ? Set.of() : Set.copyOf(groundTruth);
        subsetMembers = subsetMembers == null ? Set.of() : Set.copyOf(subsetMembers);
        subsetRanking = subsetRanking == null ? Ranking.empty() : subsetRanking;
    }

    /** A query with no category and no subset. */
    public static QueryOutcome of(String queryId, String referenceId, Collection<String> groundTruth,
                                  Ranking ranking) {
        return new QueryOutcome(queryId, "", referenceId, Set.copyOf(groundTruth), Set.of(), ranking,
                Ranking.empty());
    }

    public QueryOutcome inCategory(String newCategory) {
        return new QueryOutcome(queryId, newCategory, referenceId, groundTruth, subsetMembers, ranking,
                subsetRanking);
    }

    public QueryOutcome withSubset(Collection<String> members, Ranking rankingOverMembers) {
        return new QueryOutcome(queryId, category, referenceId, groundTruth, Set.copyOf(members), ranking,
                rankingOverMembers);
    }
}
