package io.cirstream.query.watch;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Tails the {@code vectors} topic for the watch streams: every partition assigned by hand (no consumer group, so
 * every API instance sees every vector and nothing ever rebalances), starting at the end offsets of the moment the
 * feed starts (a watch is about images indexed after it opened), no commits. The positions stay in this consumer
 * across broker restarts and reconnects, so no vector is skipped or repeated; a partition added later is read from
 * its beginning, as everything on it is new. One thread; each record is decoded and offered to the {@link WatchHub}.
 */
public final class VectorFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VectorFeed.class);
    /** How often the topic's partitions are listed (new partitions are picked up within this time). */
    private static final Duration PARTITION_LOOKUP = Duration.ofSeconds(5);
    /** The pause after a failed read, so a Kafka that keeps failing is asked once a second, not in a tight loop. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final BiFunction<String, byte[], Optional<IndexedVector>> decoder;
    private final WatchHub hub;
    private final Thread thread;
    private volatile boolean assigned;
    private boolean lookedUp;
    private volatile boolean running = true;
    private volatile Changes changes = (key, now) -> { };

    /** Told of every record the feed reads, in topic order: the image's new vector, or empty when it is gone. */
    @FunctionalInterface
    public interface Changes {
        /** {@code now} is empty for a tombstone or a vector this API cannot use (another pack, undecodable). */
        void changed(String key, Optional<IndexedVector> now);
    }

    public VectorFeed(KafkaConfig kafka, String topic, BiFunction<String, byte[], Optional<IndexedVector>> decoder,
                      WatchHub hub) {
        this(new KafkaConsumer<>(kafka.clientConfig(Map.of(
                // Only when a position falls out of retention: the oldest record left is the next one not seen.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The embedder creates the topic with its settings (compacted); listing it must not create it.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // The embedder writes vectors in exactly-once transactions: an aborted one must never reach a watch.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000)),
                new StringDeserializer(), new ByteArrayDeserializer()), topic, decoder, hub);
    }

    /** Over a given consumer, which the feed assigns, reads and closes. */
    VectorFeed(Consumer<String, byte[]> consumer, String topic,
               BiFunction<String, byte[], Optional<IndexedVector>> decoder, WatchHub hub) {
        this.consumer = consumer;
        this.topic = topic;
        this.decoder = decoder;
        this.hub = hub;
        this.thread = new Thread(this::run, "cirstream-watch-feed");
        this.thread.setDaemon(true);
    }

    /** Set before {@link #start()}: who else hears of each change (the cache of reference vectors). */
    public VectorFeed onChange(Changes listener) {
        this.changes = listener;
        return this;
    }

    public VectorFeed start() {
        thread.start();
        return this;
    }

    /** True once partitions are assigned and their end offsets fixed: vectors written from now on are seen. */
    public boolean ready() {
        return assigned;
    }

    /**
     * Reads until closed. A read that fails (a partition without a leader, whose position times out; a broker that
     * refuses the read) is logged and tried again: the watches and the reference cache depend on this one thread, and
     * a feed that ended would leave them silent while the API still reported itself ready.
     */
    private void run() {
        Set<TopicPartition> known = new HashSet<>();
        long nextLookupNs = 0;
        String lastFailure = "";
        try {
            while (running) {
                try {
                    if (System.nanoTime() >= nextLookupNs) {
                        assignNewPartitions(known);
                        nextLookupNs = System.nanoTime() + PARTITION_LOOKUP.toNanos();
                    }
                    if (known.isEmpty()) {
                        Thread.sleep(PARTITION_LOOKUP.toMillis() / 5);
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        offer(record);
                    }
                    lastFailure = "";
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Logged once per kind of failure, not once a second while Kafka stays down.
                    if (!e.toString().equals(lastFailure)) {
                        LOG.warn("watch feed cannot read {} ({}); retrying every {} s", topic, e.toString(),
                                RETRY.toSeconds());
                        lastFailure = e.toString();
                    }
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (WakeupException e) {
            LOG.debug("watch feed stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** Adds the topic's partitions this feed does not read yet: at their end the first time, from the start later. */
    private void assignNewPartitions(Set<TopicPartition> known) {
        List<TopicPartition> all;
        try {
            all = consumer.partitionsFor(topic, PARTITION_LOOKUP).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("cannot list the partitions of {} yet: {}", topic, e.toString());
            return;
        }
        // Partitions there at the first successful look-up start at their end; any found later (the topic created
        // after the feed started, or grown) are new, so they are read from their beginning.
        boolean first = !lookedUp;
        List<TopicPartition> added = all.stream().filter(p -> !known.contains(p)).toList();
        if (added.isEmpty()) {
            lookedUp = true;
            return;
        }
        Set<TopicPartition> next = new HashSet<>(known);
        next.addAll(added);
        consumer.assign(next);
        if (first) {
            consumer.seekToEnd(added);
        } else {
            consumer.seekToBeginning(added);
        }
        try {
            // Resolving positions now pins them to this moment instead of the first fetch.
            added.forEach(partition -> consumer.position(partition, PARTITION_LOOKUP));
        } catch (RuntimeException e) {
            // Undone, so the next look-up adds them again the same way (at the end on the first one).
            consumer.assign(known);
            throw e;
        }
        known.addAll(added);
        lookedUp = true;
        assigned = true;
    }

    private void offer(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            changes.changed(record.key(), Optional.empty());
            return;
        }
        Optional<IndexedVector> vector = Optional.empty();
        try {
            vector = decoder.apply(record.key(), record.value());
            vector.ifPresent(hub::offer);
        } catch (RuntimeException e) {
            LOG.warn("skipping undecodable record {}@{} on {}: {}", record.partition(), record.offset(), topic, e.toString());
        }
        changes.changed(record.key(), vector);
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
