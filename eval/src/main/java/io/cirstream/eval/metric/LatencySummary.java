package io.cirstream.eval.metric;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Per-query latency of a method in milliseconds; percentiles by the nearest-rank rule. */
public record LatencySummary(int count, double meanMs, double p50Ms, double p95Ms, double maxMs) {

    public static LatencySummary of(List<Duration> latencies) {
        if (latencies.isEmpty()) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        double[] ms = latencies.stream().mapToDouble(d -> d.toNanos() / 1_000_000.0).sorted().toArray();
        double mean = Arrays.stream(ms).average().orElse(0);
        return new LatencySummary(ms.length, mean, nearestRank(ms, 50), nearestRank(ms, 95), ms[ms.length - 1]);
    }

    private static double nearestRank(double[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
