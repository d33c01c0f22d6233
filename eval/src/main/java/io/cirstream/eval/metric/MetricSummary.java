package io.cirstream.eval.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Aggregated metrics for one method, in percent (0–100) like the published tables.
 *
 * @param metrics         headline metrics, then per-category ones ({@code dress/R@10}), in column order
 * @param scoredQueries   queries that had a positive to find
 * @param skippedQueries  queries without one (hidden labels), not counted in any mean
 */
public record MetricSummary(Map<String, Double> metrics, int scoredQueries, int skippedQueries) {

    public MetricSummary {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
