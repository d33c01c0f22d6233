package io.cirstream.embedder.ops;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {
    private final Map<MetricName, Metric> metrics = new LinkedHashMap<>();

    @Test
    void theLatestLagOfEveryInputPartitionIsSummed() {
        partition("app-StreamThread-1-consumer", "gallery", 0, 12);
        partition("app-StreamThread-1-consumer", "gallery", 1, 3);
        partition("app-StreamThread-2-consumer", "gallery", 2, 40);
        // a changelog being restored is not input lag
        partition("app-StreamThread-1-restore-consumer", "app-pending-changelog", 0, 900);
        // the client-wide maximum lags behind reality, other groups and names are not lag
        put("records-lag-max", ConsumerLag.GROUP, Map.of("client-id", "app-StreamThread-1-consumer"), 500);
        put(ConsumerLag.NAME, "producer-metrics", Map.of("client-id", "x", "topic", "t", "partition", "0"), 600);

        assertThat(ConsumerLag.total(metrics)).hasValue(55);
        assertThat(ConsumerLag.describe(ConsumerLag.total(metrics))).isEqualTo("55");
    }

    @Test
    void aTopicWithDotsIsNotCountedAgainUnderItsDeprecatedUnderscoreName() {
        partition("c", "gallery.bench.cirr-val", 0, 7);
        partition("c", "gallery_bench_cirr-val", 0, 7);
        partition("c", "other_topic", 0, 2);

        assertThat(ConsumerLag.total(metrics)).hasValue(9);
    }

    @Test
    void beforeAnyFetchTheLagIsUnknown() {
        put(ConsumerLag.NAME, ConsumerLag.GROUP, Map.of("client-id", "c", "topic", "t", "partition", "0"), Double.NaN);

        assertThat(ConsumerLag.total(metrics)).isEmpty();
        assertThat(ConsumerLag.describe(OptionalLong.empty())).isEqualTo("?");
    }

    private void partition(String client, String topic, int partition, double lag) {
        put(ConsumerLag.NAME, ConsumerLag.GROUP, Map.of("client-id", client, "topic", topic, "partition",
                Integer.toString(partition)), lag);
    }

    private void put(String name, String group, Map<String, String> tags, double value) {
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
