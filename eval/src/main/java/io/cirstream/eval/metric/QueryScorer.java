package io.cirstream.eval.metric;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Scores one query under a protocol. Values are in [0, 1]. */
public final class QueryScorer {

    private QueryScorer() {
    }

    /**
     * The query's metrics keyed by {@link MetricNames}, or empty when the query has no positive left
     * to find (hidden test labels, or a ground truth that is only the excluded reference).
     */
    public static Optional<Map<String, Double>> score(BenchmarkProtocol protocol, QueryOutcome query) {
        Set<String> positives = positives(protocol, query);
        if (positives.isEmpty()) {
            return Optional.empty();
        }
        Ranking ranking = protocol.excludesReference()
                ? query.ranking().without(query.referenceId())
                : query.ranking();
        Cutoffs cutoffs = protocol.cutoffs();
        Map<String, Double> metrics = new LinkedHashMap<>();
        cutoffs.recall().forEach(k ->
                metrics.put(MetricNames.recall(k), RankingMetrics.hitAt(ranking, positives, k)));
        scoreSubset(cutoffs, query, positives, metrics);
        cutoffs.mapAt().forEach(k ->
                metrics.put(MetricNames.mapAt(k), RankingMetrics.averagePrecisionAt(ranking, positives, k)));
        if (cutoffs.fullMap()) {
            metrics.put(MetricNames.MAP, RankingMetrics.averagePrecision(ranking, positives));
        }
        cutoffs.precisionRecall().forEach(k ->
                metrics.put(MetricNames.precision(k), RankingMetrics.precisionAt(ranking, positives, k)));
        cutoffs.precisionRecall().forEach(k ->
                metrics.put(MetricNames.recall(k), RankingMetrics.recallAt(ranking, positives, k)));
        return Optional.of(metrics);
    }

    private static Set<String> positives(BenchmarkProtocol protocol, QueryOutcome query) {
        if (!protocol.excludesReference()) {
            return query.groundTruth();
        }
        Set<String> positives = new HashSet<>(query.groundTruth());
        positives.remove(query.referenceId());
        return positives;
    }

    private static void scoreSubset(Cutoffs cutoffs, QueryOutcome query, Set<String> positives,
                                    Map<String, Double> metrics) {
        if (cutoffs.subsetRecall().isEmpty() || query.subsetMembers().isEmpty()) {
            return;
        }
        Set<String> candidates = new HashSet<>(query.subsetMembers());
        candidates.remove(query.referenceId());
        Ranking source = query.subsetRanking().isEmpty() ? query.ranking() : query.subsetRanking();
        Ranking subset = source.restrictedTo(candidates);
        cutoffs.subsetRecall().forEach(k ->
                metrics.put(MetricNames.subsetRecall(k), RankingMetrics.hitAt(subset, positives, k)));
    }
}
