package io.cirstream.eval.metric;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a runner collected for one composition method over one benchmark split.
 *
 * @param method          query-API method name ({@code image}, {@code text}, {@code sum}, {@code slerp}, ...)
 * @param queries         one outcome per benchmark query
 * @param queryLatencies  time per query as seen by the runner (may be empty)
 * @param wallTime        time for the whole method run
 * @param systemMetrics   metrics about the system rather than retrieval quality, in percent, already
 *                        aggregated (e.g. {@link MetricNames#annRecall} from {@link AnnRecall}); empty if none
 */
public record MethodRun(String method, List<QueryOutcome> queries, List<Duration> queryLatencies,
                        Duration wallTime, Map<String, Double> systemMetrics) {

    public MethodRun {
        Objects.requireNonNull(method, "method");
        queries = List.copyOf(queries);
        queryLatencies = List.copyOf(queryLatencies);
        wallTime = wallTime == null ? Duration.ZERO : wallTime;
        systemMetrics = systemMetrics == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(systemMetrics));
    }

    public static MethodRun of(String method, List<QueryOutcome> queries) {
        return new MethodRun(method, queries, List.of(), Duration.ZERO, Map.of());
    }
}
