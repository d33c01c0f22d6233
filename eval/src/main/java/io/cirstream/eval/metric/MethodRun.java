package io.cirstream.eval.metric;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a runner collected for one composition method over one benchmark split.
 *
 * @param method          query-API method name ({@code image}, {@code text}, {@code sum}, {@code slerp}, ...)
 * @param queries         one outcome per benchmark query
 * @param queryLatencies  time per query as seen by the runner (may be empty)
 * @param wallTime        time for the whole method run
 * @param systemMetrics   metrics about the system rather than retrieval quality, in percent, already
 *                        aggregated (e.g. {@link MetricNames#annRecall} from {@link AnnRecall}); empty if none
 * @param failures        queries that got no answer, counted per reason (e.g. {@code 400 bad_request}); they are
 *                        among {@code queries} with an empty ranking, so they score as misses
 */
public record MethodRun(String method, List<QueryOutcome> queries, List<Duration> queryLatencies,
                        Duration wallTime, Map<String, Double> systemMetrics, Map<String, Integer> failures) {

    public MethodRun {
        Objects.requireNonNull(method, "method");
        queries = List.copyOf(queries);
        queryLatencies = List.copyOf(queryLatencies);
        wallTime = wallTime == null ? Duration.ZERO : wallTime;
        systemMetrics = systemMetrics == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(systemMetrics));
        failures = failures == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(failures));
    }

    public MethodRun(String method, List<QueryOutcome> queries, List<Duration> queryLatencies, Duration wallTime,
                     Map<String, Double> systemMetrics) {
        this(method, queries, queryLatencies, wallTime, systemMetrics, Map.of());
    }

    public MethodRun withSystemMetrics(Map<String, Double> newSystemMetrics) {
        return new MethodRun(method, queries, queryLatencies, wallTime, newSystemMetrics, failures);
    }

    public MethodRun withFailures(Map<String, Integer> newFailures) {
        return new MethodRun(method, queries, queryLatencies, wallTime, systemMetrics, newFailures);
    }

    /** How many queries failed, whatever the reason. */
    public int failedQueries() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    public static MethodRun of(String method, List<QueryOutcome> queries) {
        return new MethodRun(method, queries, List.of(), Duration.ZERO, Map.of());
    }
}
