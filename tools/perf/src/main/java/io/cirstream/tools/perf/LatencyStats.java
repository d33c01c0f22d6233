package io.cirstream.tools.perf;

import java.util.Arrays;

/** Percentiles (nearest rank) and throughput of one measured run. */
record LatencyStats(int requests, int errors, double seconds, double p50Ms, double p99Ms) {

    static LatencyStats of(long[] nanos, int errors, double seconds) {
        double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        return new LatencyStats(ms.length, errors, seconds, NearestRank.of(ms, 0.50), NearestRank.of(ms, 0.99));
    }

    double throughput() {
        return requests / seconds;
    }
}
