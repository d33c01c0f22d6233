package io.cirstream.embedder.stream;

import io.cirstream.contract.vector.VectorEvent;

import io.cirstream.contract.topic.Topics;
import io.cirstream.model.ImageEncoder;
import io.cirstream.contract.topic.KafkaSetup;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.utils.Bytes;

import java.util.Map;

/**
 * The embedder's data flow, top to bottom:
 * <pre>
 *   gallery, gallery.bench.*  (bytes; tombstone = delete)
 *        │
 *     [check]  decode event, fetch image, header limits ──── rejected ───► gallery.dlq
 *        │
 *     [batch]  buffer by document id in store "pending" (changelogged);
 *        │     flush at batch size or linger: decode pixels, encode ── rejected ──► gallery.dlq
 *        │     tombstone: drop buffered upsert, forward
 *        ▼
 *     vectors  (key = document id: the image id, scoped by collection on gallery.bench.* (DocumentId); value = VectorEvent JSON, timestamp = source timestamp clamped to [0, now]; compacted)
 * </pre>
 * Keys and values stay raw bytes end to end so a dead letter carries exactly what arrived; the event codecs
 * are applied inside the processors.
 */
public final class EmbedderTopology {
    static final String SOURCE = "gallery-source";
    static final String CHECK = "check";
    static final String BATCH = "batch";
    static final String VECTORS = "vectors-sink";
    static final String DEAD_LETTERS = "dead-letter-sink";
    public static final String PENDING_STORE = "pending";
    private static final int CHANGELOG_SEGMENT_BYTES = 64 * 1024 * 1024;

    private EmbedderTopology() {
    }

    public static Topology build(Topics topics, ImageLoader loader, ImageEncoder encoder, String modelId,
                                 BatchPolicy policy, EmbedderMetrics metrics) {
        BatchEncoder batchEncoder = new BatchEncoder(encoder);
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.galleryPattern());
        topology.addProcessor(CHECK, () -> new EventChecker(loader, metrics), SOURCE);
        topology.addProcessor(BATCH, () -> new MicroBatcher(topics, loader, batchEncoder, modelId, policy, metrics), CHECK);
        topology.addStateStore(pendingStore(), BATCH);
        topology.addSink(VECTORS, topics.vectors(), new ByteArraySerializer(), new ByteArraySerializer(), BATCH);
        topology.addSink(DEAD_LETTERS, topics.deadLetters(), new ByteArraySerializer(), new ByteArraySerializer(),
                CHECK, BATCH);
        return topology;
    }

    private static StoreBuilder<KeyValueStore<Bytes, PendingRecord>> pendingStore() {
        // It holds at most one batch per task and the changelog makes it durable, so memory would do; but only an
        // application with a persistent store keeps its process id in the state dir, and only a stable process id
        // gives a restarted instance the transactional ids of the one before it, so that it fences a killed
        // predecessor's open transaction at once instead of waiting for the broker to time it out.
        // The cache holds writes until the next commit, so an image put and deleted between two commits (flushed with
        // its batch) reaches RocksDB and the changelog as a tombstone only; only a batch still open at a commit is
        // copied into them. Streams' default cache (10 MiB per instance) holds a batch of small images; a larger
        // batch spills to the store, as before, and stays correct.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE), Serdes.Bytes(),
                        PendingRecord.serde())
                .withCachingEnabled()
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(KafkaSetup.MAX_RECORD_BYTES),
                        // Compaction cleans closed segments only: small ones keep what a moved task restores (every
                        // pending image since the last cleaning) near the one live batch, not a 1 GiB segment.
                        TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(CHANGELOG_SEGMENT_BYTES)));
    }
}
