package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.event.ReplayReceipt;
import io.cirstream.contract.event.ReplayReceiptCodec;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.contract.event.BenchmarkQueryCodec;
import io.cirstream.ingest.replay.ReplayRun;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a replayed benchmark back from Kafka: its receipt (written last by the replay) and its queries.
 * Topics are read whole from the beginning with assigned partitions and no consumer group, so evaluating
 * never moves anyone's offsets and can be repeated.
 */
public final class BenchmarkFeed {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final KafkaConfig kafka;
    private final String receiptTopic;
    private final String queryTopic;

    public BenchmarkFeed(KafkaConfig kafka, Topics topics, String collection) {
        this.kafka = kafka;
        this.receiptTopic = topics.benchmarkReceipt(collection);
        this.queryTopic = topics.benchmarkQueries(collection);
    }

    /**
     * The receipt of the latest completed replay and that replay's id ({@link ReplayRun}); empty for a replay
     * written before replays named their runs.
     */
    public record Replayed(ReplayReceipt receipt, Optional<String> runId) {
    }

    /** The newest receipt on the topic, waiting up to {@code timeout} for the replay to write one. */
    public Replayed awaitReceipt(Duration timeout, PrintStream err) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        ReplayReceiptCodec codec = new ReplayReceiptCodec();
        while (true) {
            Optional<Replayed> newest = readAll(receiptTopic).stream()
                    .map(r -> new Replayed(codec.decode(r.value()), ReplayRun.of(r.headers())))
                    .max(Comparator.comparing(r -> r.receipt().createdAt()));
            if (newest.isPresent()) {
                return newest.get();
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("no benchmark receipt on " + receiptTopic + " after "
                        + timeout.toSeconds() + " s: replay the benchmark first (cirstream replay) or check the "
                        + "benchmark name, split and topic prefix");
            }
            if (now > nextProgress) {
                err.printf("eval: waiting for the replay's receipt on %s (%d s)%n", receiptTopic,
                        Duration.ofNanos(now - start).toSeconds());
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep(POLL);
        }
    }

    /**
     * Exactly the queries of the replay that wrote the receipt, one per query id: records of earlier replays
     * of the same split (a full one before a {@code --limit} one) are on the topic too, and are left out by
     * their run id. A receipt without a run id (an older replay) falls back to every query of the split.
     */
    public List<BenchmarkQuery> queries(Replayed replayed) {
        ReplayReceipt receipt = replayed.receipt();
        BenchmarkQueryCodec codec = new BenchmarkQueryCodec();
        Map<String, BenchmarkQuery> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(queryTopic)) {
            if (replayed.runId().isPresent() && !replayed.runId().equals(ReplayRun.of(record.headers()))) {
                continue;
            }
            BenchmarkQuery query = codec.decode(record.value());
            if (query.benchmark().equals(receipt.benchmark()) && query.split().equals(receipt.split())) {
                byId.put(query.queryId(), query);
            }
        }
        boolean exact = replayed.runId().isPresent();
        if (exact ? byId.size() != receipt.queryCount() : byId.size() < receipt.queryCount()) {
            throw new IllegalStateException(queryTopic + " holds " + byId.size() + " queries of "
                    + receipt.collection() + replayed.runId().map(id -> " from replay " + id).orElse("")
                    + " but its receipt announces " + receipt.queryCount()
                    + ": the topic was truncated, compacted by a later replay, or its retention removed records; "
                    + "replay again");
        }
        return List.copyOf(byId.values());
    }

    /** Every record on the topic up to its current end; empty when the topic does not exist yet. */
    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() != null && record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    private Map<String, Object> consumerConfig() {
        return kafka.clientConfig(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the benchmark receipt", e);
        }
    }
}
