package io.cirstream.embedder.ops;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.HashMap;
import java.util.List;
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

    /** One partition as one consumer client sees it. */
    private record ClientPartition(String client, String topic, String partition) {
    }

    /** The total lag over the assigned partitions; empty before any partition has been fetched. */
    public static OptionalLong total(Map<MetricName, ? extends Metric> metrics) {
        Map<ClientPartition, Long> byPartition = new HashMap<>();
        for (var entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            Map<String, String> tags = name.tags();
            String client = tags.getOrDefault("client-id", "");
            if (!name.group().equals(GROUP) || !name.name().equals(NAME) || !tags.containsKey("topic")
                    || !tags.containsKey("partition") || client.endsWith("restore-consumer")) {
                continue;
            }
            if (entry.getValue().metricValue() instanceof Double value && !value.isNaN() && !value.isInfinite()) {
                byPartition.put(new ClientPartition(client, tags.get("topic"), tags.get("partition")), Math.round(value));
            }
        }
        // Kafka also reports a partition of a topic with dots under the topic name with underscores (deprecated);
        // counting both would double the lag.
        for (ClientPartition p : List.copyOf(byPartition.keySet())) {
            if (p.topic().contains(".")) {
                byPartition.remove(new ClientPartition(p.client(), p.topic().replace('.', '_'), p.partition()));
            }
        }
        return byPartition.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(byPartition.values().stream().mapToLong(Long::longValue).sum());
    }

    /** "12" or "?" when nothing has been fetched yet. */
    public static String describe(OptionalLong lag) {
        return lag.isPresent() ? Long.toString(lag.getAsLong()) : "?";
    }
}
