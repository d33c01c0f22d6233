package io.cirstream.embedder.ops;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How many records a Kafka client's consumers are behind, from the clients' own metrics: the sum of the latest
 * per-partition {@code records-lag}. (The client-wide {@code records-lag-max} is a maximum over the last sample
 * windows, so it keeps reporting a lag for up to a minute after it is gone.) Kafka Streams' restore consumer
 * reports the changelog it replays, not the input, so it is left out.
 */
public final class ConsumerLag {
    static final String GROUP = "consumer-fetch-manager-metrics";
    static final String NAME = "records-lag";

    private ConsumerLag() {
    }

    /** The total lag over the assigned partitions; empty before any partition has been fetched. */
    public static OptionalLong total(Map<MetricName, ? extends Metric> metrics) {
        Map<String, Long> byPartition = new HashMap<>();
        for (var entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            Map<String, String> tags = name.tags();
            String client = tags.getOrDefault("client-id", "");
            if (!name.group().equals(GROUP) || !name.name().equals(NAME) || !tags.containsKey("topic")
                    || !tags.containsKey("partition") || client.endsWith("restore-consumer")) {
                continue;
            }
            if (entry.getValue().metricValue() instanceof Double value && !value.isNaN() && !value.isInfinite()) {
                byPartition.put(client + '\u0000' + tags.get("topic") + '\u0000' + tags.get("partition"),
                        Math.round(value));
            }
        }
        dropLegacyDuplicates(byPartition);
        return byPartition.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(byPartition.values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * Kafka also reports a partition of a topic with dots under the topic name with underscores (deprecated);
     * counting both would double the lag.
     */
    private static void dropLegacyDuplicates(Map<String, Long> byPartition) {
        for (String key : byPartition.keySet().toArray(String[]::new)) {
            String[] parts = key.split("\u0000", -1);
            if (parts[1].contains(".")) {
                byPartition.remove(parts[0] + '\u0000' + parts[1].replace('.', '_') + '\u0000' + parts[2]);
            }
        }
    }

    /** "12" or "?" when nothing has been fetched yet. */
    public static String describe(OptionalLong lag) {
        return lag.isPresent() ? Long.toString(lag.getAsLong()) : "?";
    }
}
