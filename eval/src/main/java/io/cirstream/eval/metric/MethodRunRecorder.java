package io.cirstream.eval.metric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Collects one method's run query by query, for a runner that calls the query API: outcomes,
 * latencies, and optionally k-NN results paired with exact rankings for ANN recall. Not thread-safe;
 * use one recorder per method.
 */
public final class MethodRunRecorder {

    private final String method;
    private final int annK;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private final List<QueryOutcome> outcomes = new ArrayList<>();
    private final List<Duration> latencies = new ArrayList<>();
    private final List<Ranking> approximate = new ArrayList<>();
    private final List<Ranking> exact = new ArrayList<>();

    /**
     * @param annK     the cut-off for ANN recall ({@link MetricNames#annRecall})
     * @param nanoTime the clock for the run's wall time, {@code System::nanoTime} outside tests
     */
    public MethodRunRecorder(String method, int annK, LongSupplier nanoTime) {
        if (annK < 1) {
            throw new IllegalArgumentException("ANN recall cut-off must be >= 1, got " + annK);
        }
        this.method = method;
        this.annK = annK;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
    }

    public static MethodRunRecorder start(String method, int annK) {
        return new MethodRunRecorder(method, annK, System::nanoTime);
    }

    public void record(QueryOutcome outcome, Duration latency) {
        outcomes.add(outcome);
        latencies.add(latency);
    }

    /** A query that got no answer: it counts (as a miss) but has no latency to summarise. */
    public void recordUnanswered(QueryOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Pairs a k-NN ranking with the exact one for the same query vector (see {@link ExactSearch}). */
    public void recordAnn(Ranking approximateRanking, Ranking exactRanking) {
        approximate.add(approximateRanking);
        exact.add(exactRanking);
    }

    public MethodRun finish() {
        Map<String, Double> systemMetrics = new LinkedHashMap<>();
        if (!approximate.isEmpty()) {
            systemMetrics.put(MetricNames.annRecall(annK), 100.0 * AnnRecall.meanOverlapAt(approximate, exact, annK));
        }
        Duration wall = Duration.ofNanos(nanoTime.getAsLong() - startedNanos);
        return new MethodRun(method, outcomes, latencies, wall, systemMetrics);
    }
}
