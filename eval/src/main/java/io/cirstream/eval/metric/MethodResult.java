package io.cirstream.eval.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One method's line in a report. Metrics are percentages, keyed by {@link MetricNames}.
 *
 * @param metrics         retrieval metrics (headline, then per category)
 * @param systemMetrics   metrics about the system, such as ANN recall
 * @param scoredQueries   queries that counted
 * @param skippedQueries  queries without a positive to find
 * @param latency         per-query latency
 * @param wallSeconds     time for the whole method run
 * @param failedQueries   queries the API did not answer, per reason; they are among the scored queries, as misses
 */
public record MethodResult(Map<String, Double> metrics, Map<String, Double> systemMetrics, int scoredQueries,
                           int skippedQueries, LatencySummary latency, double wallSeconds,
                           Map<String, Integer> failedQueries) {

    public MethodResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        systemMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(systemMetrics));
        failedQueries = failedQueries == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(failedQueries));
    }

    /** All failed queries, whatever the reason. */
    public int failedTotal() {
        return failedQueries.values().stream().mapToInt(Integer::intValue).sum();
    }
}
