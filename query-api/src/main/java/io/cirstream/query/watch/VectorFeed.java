package io.cirstream.query.watch;

import io.cirstream.core.config.KafkaConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Tails the {@code vectors} topic for the watch streams: a group of its own (every API instance sees every
 * vector), starting at the latest offsets (a watch is about images indexed after it opened), no commits.
 * One thread; each record is decoded and offered to the {@link WatchHub}.
 */
public final class VectorFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VectorFeed.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final BiFunction<String, byte[], Optional<IndexedVector>> decoder;
    private final WatchHub hub;
    private final Thread thread;
    private volatile boolean assigned;
    private volatile boolean running = true;

    public VectorFeed(KafkaConfig kafka, String topic, BiFunction<String, byte[], Optional<IndexedVector>> decoder,
                      WatchHub hub) {
        this.consumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "cirstream-query-watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The embedder writes vectors in exactly-once transactions: an aborted one must never reach a watch.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000)),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.decoder = decoder;
        this.hub = hub;
        this.thread = new Thread(this::run, "cirstream-watch-feed");
        this.thread.setDaemon(true);
    }

    public VectorFeed start() {
        thread.start();
        return this;
    }

    /** True once partitions are assigned and their end offsets fixed: vectors written from now on are seen. */
    public boolean ready() {
        return assigned;
    }

    private void run() {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assigned = false;
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Resolving positions now pins "latest" to this moment instead of the first fetch.
                partitions.forEach(consumer::position);
                assigned = !partitions.isEmpty();
            }
        });
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    offer(record);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("watch feed stopping");
        } finally {
            consumer.close();
        }
    }

    private void offer(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            decoder.apply(record.key(), record.value()).ifPresent(hub::offer);
        } catch (RuntimeException e) {
            LOG.warn("skipping undecodable record {}@{} on {}: {}", record.partition(), record.offset(), topic, e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
