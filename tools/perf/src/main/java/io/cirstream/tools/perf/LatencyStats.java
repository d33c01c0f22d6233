package io.cirstream.tools.perf;

import java.util.Arrays;

/** Percentiles (nearest rank) and throughput of one measured run. */
record LatencyStats(int requests, int errors, double seconds, double p50Ms, double p99Ms) {

    static LatencyStats of(long[] nanos, int errors, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    double throughput() {
        return requests / seconds;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
