package io.cirstream.tools.perf;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class NearestRankTest {

    @Test
    void isAValueThatWasRecordedWithNoInterpolation() {
        double[] hundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        assertThat(NearestRank.of(hundred, 0.50)).isEqualTo(50.0);
        assertThat(NearestRank.of(hundred, 0.99)).isEqualTo(99.0);
        assertThat(NearestRank.of(hundred, 1.0)).isEqualTo(100.0);
        assertThat(NearestRank.of(new double[] {1, 2, 3, 4}, 0.50)).as("even count: the lower middle").isEqualTo(2.0);
        assertThat(NearestRank.of(new double[] {7}, 0.99)).isEqualTo(7.0);
        assertThat(NearestRank.of(new double[] {3, 9}, 0.001)).as("a tiny p is the smallest value").isEqualTo(3.0);
        assertThat(NearestRank.of(new double[0], 0.50)).isNaN();
    }

    @Test
    void latencyStatsReportMillisecondsAtTheNearestRank() {
        long[] nanos = IntStream.rangeClosed(1, 200).mapToLong(i -> i * 1_000_000L).toArray();
        LatencyStats stats = LatencyStats.of(nanos, 3, 2.0);
        assertThat(stats.p50Ms()).isEqualTo(100.0);
        assertThat(stats.p99Ms()).isEqualTo(198.0);
        assertThat(stats.throughput()).isEqualTo(100.0);
    }
}
