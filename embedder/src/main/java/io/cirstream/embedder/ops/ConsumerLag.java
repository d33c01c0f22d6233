package io.cirstream.embedder.ops;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads how far a consumer is behind from a Kafka client's own metrics ({@code records-lag-max}, the largest lag
 * over its partitions in the last sample window). Kafka Streams' restore consumer reports the changelog it replays,
 * not the input, so it is left out.
 */
public final class ConsumerLag {
    static final String GROUP = "consumer-fetch-manager-metrics";
    static final String NAME = "records-lag-max";
    /** The client-wide value; the per-partition ones also carry topic and partition tags. */
    private static final Set<String> CLIENT_ONLY = Set.of("client-id");

    private ConsumerLag() {
    }

    /** The largest lag among the consumers in {@code metrics}; empty before any has fetched. */
    public static OptionalLong max(Map<MetricName, ? extends Metric> metrics) {
        OptionalLong max = OptionalLong.empty();
        for (var entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (!name.group().equals(GROUP) || !name.name().equals(NAME) || !name.tags().keySet().equals(CLIENT_ONLY)
                    || name.tags().get("client-id").endsWith("restore-consumer")) {
                continue;
            }
            if (entry.getValue().metricValue() instanceof Double value && !value.isNaN() && !value.isInfinite()) {
                long lag = Math.round(value);
                max = OptionalLong.of(max.isPresent() ? Math.max(max.getAsLong(), lag) : lag);
            }
        }
        return max;
    }

    /** "12" or "?" when nothing has been fetched yet. */
    public static String describe(OptionalLong lag) {
        return lag.isPresent() ? Long.toString(lag.getAsLong()) : "?";
    }
}
