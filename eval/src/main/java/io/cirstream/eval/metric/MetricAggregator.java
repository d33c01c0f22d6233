package io.cirstream.eval.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns per-query scores into a method's summary. A metric a query did not produce (a subset metric
 * on a query without {@code img_set}) is averaged over the queries that did produce it.
 */
public final class MetricAggregator {

    private MetricAggregator() {
    }

    public static MetricSummary aggregate(BenchmarkProtocol protocol, List<QueryOutcome> queries) {
        Map<String, List<Map<String, Double>>> scoredByCategory = new TreeMap<>();
        int skipped = 0;
        for (QueryOutcome query : queries) {
            Optional<Map<String, Double>> scores = QueryScorer.score(protocol, query);
            if (scores.isEmpty()) {
                skipped++;
            } else {
                scoredByCategory.computeIfAbsent(query.category(), c -> new ArrayList<>()).add(scores.get());
            }
        }
        int scored = queries.size() - skipped;
        Map<String, Double> metrics = protocol.averagesOverCategories()
                ? meanOfCategoryMeans(protocol.metricNames(), scoredByCategory)
                : meanOverQueries(protocol.metricNames(), flatten(scoredByCategory));
        return new MetricSummary(toPercent(metrics), scored, skipped);
    }

    private static Map<String, Double> meanOfCategoryMeans(List<String> names,
                                                           Map<String, List<Map<String, Double>>> byCategory) {
        Map<String, Map<String, Double>> categoryMeans = new LinkedHashMap<>();
        byCategory.forEach((category, scores) -> categoryMeans.put(category, meanOverQueries(names, scores)));
        Map<String, Double> result = meanOverQueries(names, List.copyOf(categoryMeans.values()));
        categoryMeans.forEach((category, means) ->
                means.forEach((name, value) -> result.put(MetricNames.inCategory(category, name), value)));
        return result;
    }

    /** The mean of each named metric over the rows that have it. */
    private static Map<String, Double> meanOverQueries(List<String> names, List<Map<String, Double>> rows) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (String name : names) {
            double sum = 0.0;
            int count = 0;
            for (Map<String, Double> row : rows) {
                Double value = row.get(name);
                if (value != null) {
                    sum += value;
                    count++;
                }
            }
            if (count > 0) {
                means.put(name, sum / count);
            }
        }
        return means;
    }

    private static Map<String, Double> toPercent(Map<String, Double> fractions) {
        Map<String, Double> percent = new LinkedHashMap<>();
        fractions.forEach((name, value) -> percent.put(name, value * 100.0));
        return percent;
    }

    private static List<Map<String, Double>> flatten(Map<String, List<Map<String, Double>>> byCategory) {
        return byCategory.values().stream().flatMap(List::stream).toList();
    }
}
