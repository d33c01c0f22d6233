package io.cirstream.embedder.ops;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {

    @Test
    void theLargestClientWideLagOfTheInputConsumersCounts() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        put(metrics, ConsumerLag.GROUP, ConsumerLag.NAME, Map.of("client-id", "app-StreamThread-1-consumer"), 12.0);
        put(metrics, ConsumerLag.GROUP, ConsumerLag.NAME, Map.of("client-id", "app-StreamThread-2-consumer"), 40.0);
        // a changelog being restored is not input lag
        put(metrics, ConsumerLag.GROUP, ConsumerLag.NAME, Map.of("client-id", "app-StreamThread-1-restore-consumer"), 900.0);
        // per-partition values are already covered by the client-wide maximum
        put(metrics, ConsumerLag.GROUP, ConsumerLag.NAME, Map.of("client-id", "x", "topic", "t", "partition", "0"), 77.0);
        put(metrics, ConsumerLag.GROUP, "records-lag-avg", Map.of("client-id", "x"), 500.0);
        put(metrics, "producer-metrics", ConsumerLag.NAME, Map.of("client-id", "x"), 600.0);

        assertThat(ConsumerLag.max(metrics)).hasValue(40);
        assertThat(ConsumerLag.describe(ConsumerLag.max(metrics))).isEqualTo("40");
    }

    @Test
    void beforeAnyFetchTheLagIsUnknown() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        put(metrics, ConsumerLag.GROUP, ConsumerLag.NAME, Map.of("client-id", "c"), Double.NaN);
        put(metrics, ConsumerLag.GROUP, ConsumerLag.NAME, Map.of("client-id", "d"), Double.NEGATIVE_INFINITY);

        assertThat(ConsumerLag.max(metrics)).isEmpty();
        assertThat(ConsumerLag.describe(OptionalLong.empty())).isEqualTo("?");
    }

    private static void put(Map<MetricName, Metric> metrics, String group, String name, Map<String, String> tags,
                            double value) {
        MetricName metricName = new MetricName(name, group, "", tags);
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
