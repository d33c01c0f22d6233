package io.cirstream.embedder.ops;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How far a consumer group is behind, from the broker's offsets: per partition, the last stable offset minus the
 * group's committed offset (or the earliest offset where the group has committed nothing). Unlike the clients' own
 * {@code records-lag} metrics this stays true while the consumer is paused (the sink during an OpenSearch outage),
 * stalled (a task waiting for a fenced transaction) or gone, because it never depends on the consumer fetching.
 */
public final class GroupLag implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String group;
    private final Predicate<String> topics;

    /** One partition's lag; topic names are kept as Kafka spells them (one series per partition). */
    public record PartitionLag(String topic, int partition, long lag) {
    }

    public GroupLag(KafkaConfig kafka, String group, Predicate<String> topics) {
        this.admin = Admin.create(kafka.clientConfig(Map.of("client.id", "cirstream-lag-" + group)));
        this.group = group;
        this.topics = topics;
    }

    public String group() {
        return group;
    }

    /** Every partition of the watched topics, sorted by topic and partition; throws when Kafka does not answer. */
    public List<PartitionLag> measure() throws LagUnavailableException {
        try {
            Set<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(topics).collect(Collectors.toSet());
            if (names.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = admin.describeTopics(names).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> lags = new TreeMap<>(
                    java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            for (TopicPartition p : partitions) {
                OffsetAndMetadata done = committed.get(p);
                long position = done != null ? done.offset() : start.getOrDefault(p, 0L);
                lags.put(p, Math.max(0, end.getOrDefault(p, 0L) - position));
            }
            return lags.entrySet().stream()
                    .map(e -> new PartitionLag(e.getKey().topic(), e.getKey().partition(), e.getValue())).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new LagUnavailableException("cannot read the offsets of group " + group + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagUnavailableException("interrupted while reading the offsets of group " + group, e);
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        // Read-committed: the last stable offset, so an open or aborted transaction's records do not count as lag.
        var result = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((p, info) -> out.put(p, info.offset()));
        return out;
    }

    /** "12", or "?" before the first measurement. */
    public static String describe(java.util.OptionalLong lag) {
        return lag.isPresent() ? Long.toString(lag.getAsLong()) : "?";
    }

    /** Sum over partitions. */
    public static long total(List<PartitionLag> lags) {
        return lags.stream().mapToLong(PartitionLag::lag).sum();
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }

    /** Kafka did not answer the offset requests in time. */
    public static final class LagUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        LagUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
