package io.cirstream.tools.perf;

/**
 * The percentile every benchmark here reports: nearest rank, the smallest recorded value with at least a fraction
 * {@code p} of all values at or below it (no interpolation, so a p99 is a latency some request really had).
 */
final class NearestRank {

    private NearestRank() {
    }

    /** The nearest-rank {@code p} (0 < p <= 1) of ascending {@code sorted}; NaN when there is no value. */
    static double of(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
