package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;

import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.index.DocumentId;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.topic.KafkaSetup;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Buffers checked gallery records in a changelogged store keyed by document id and encodes them in batches
 * ({@link BatchPolicy}). Because the buffer is a store, its contents commit atomically with the input offsets
 * and the output records (exactly-once): a crash re-creates it from the changelog and the items are flushed then.
 * Keying by id keeps per-image order: an upsert with a later (or equal) event time replaces a buffered one, an
 * older one is dropped, and a tombstone drops the buffered upsert before the tombstone itself is forwarded.
 * Each record arrives parsed ({@link Arrived}): its JSON is parsed and its image fetched once, in {@link EventChecker}.
 */
final class MicroBatcher implements Processor<byte[], Arrived, byte[], byte[]> {
    /** What one record may take on {@code vectors}, leaving room for the record and batch overhead. */
    static final int MAX_VECTOR_RECORD_BYTES = KafkaSetup.MAX_RECORD_BYTES - 64 * 1024;
    private final ImageLoader loader;
    private final BatchEncoder encoder;
    private final String modelId;
    private final BatchPolicy policy;
    private final EmbedderMetrics metrics;
    private final Topics topics;
    private final VectorEventCodec codec = new VectorEventCodec();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, PendingRecord> pending;
    /**
     * The store's contents, in arrival order, each with what was parsed on arrival. The store is the durable copy, read
     * back only when the task starts: reading it per record and per flush went through RocksDB's memtable, where every
     * image already flushed leaves a put and a delete that each scan of the whole store stepped over again.
     */
    private final Map<Bytes, Buffered> buffered = new LinkedHashMap<>();
    private long oldestMs;

    MicroBatcher(Topics topics, ImageLoader loader, BatchEncoder encoder, String modelId, BatchPolicy policy,
                 EmbedderMetrics metrics) {
        this.topics = topics;
        this.loader = loader;
        this.encoder = encoder;
        this.modelId = modelId;
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.pending = context.getStateStore(EmbedderTopology.PENDING_STORE);
        // A re-initialised task restores the store from the changelog: nothing parsed before belongs to it any more.
        buffered.clear();
        try (KeyValueIterator<Bytes, PendingRecord> it = pending.all()) {
            it.forEachRemaining(kv -> buffered.put(kv.key, new Buffered(kv.value, null)));
        }
        // Items restored after a restart have waited an unknown time; give them one linger from now.
        oldestMs = context.currentSystemTimeMs();
        context.schedule(policy.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::flushIfLingered);
    }

    @Override
    public void process(Record<byte[], Arrived> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        byte[] documentKey = documentKey(source.topic(), record.key());
        Bytes id = Bytes.wrap(documentKey);
        Buffered previous = buffered.get(id);
        boolean known = previous != null;
        if (record.value() == null) {
            if (known) {
                pending.delete(id);
                buffered.remove(id);
            }
            metrics.tombstone();
            long timestamp = OutputTimestamp.of(record.timestamp(), context.currentSystemTimeMs());
            context.forward(record.<byte[]>withValue(null).withKey(documentKey).withTimestamp(timestamp),
                    EmbedderTopology.VECTORS);
            return;
        }
        ImageLoader.Checked checked = record.value().checked();
        PendingRecord arrived = new PendingRecord(source.topic(), source.offset(), record.timestamp(), record.key(),
                record.value().value(), checked.event().eventTime());
        if (known && !replaces(previous.record(), arrived)) {
            // An older event arriving late: the index would refuse it (external version), so drop it here too.
            return;
        }
        if (buffered.isEmpty()) {
            oldestMs = context.currentSystemTimeMs();
        }
        pending.put(id, arrived);
        buffered.put(id, new Buffered(arrived, checked));
        if (buffered.size() >= policy.size()) {
            flush();
        }
    }

    /**
     * Whether {@code arrived} takes the place of the buffered {@code previous}: yes unless it is older. A buffered
     * value that no longer decodes (restored from the changelog of an embedder with laxer rules) is dead-lettered
     * and replaced; an arriving one that does not decode is dead-lettered and dropped.
     */
    private boolean replaces(PendingRecord previous, PendingRecord arrived) {
        long previousTime = previous.eventTime();
        if (previousTime == PendingRecord.UNKNOWN_EVENT_TIME) {
            try {
                previousTime = loader.decode(previous.value()).eventTime();
            } catch (RejectedException e) {
                deadLetter(DeadLetters.of(previous, context.currentSystemTimeMs(), e));
                return true;
            }
        }
        return arrived.eventTime() >= previousTime;
    }

    private void flushIfLingered(long nowMs) {
        if (!buffered.isEmpty() && nowMs - oldestMs >= policy.linger().toMillis()) {
            flush();
        }
    }

    private void flush() {
        List<Map.Entry<Bytes, Buffered>> items = new ArrayList<>(buffered.entrySet());
        List<Loaded> loaded = new ArrayList<>(items.size());
        List<BufferedImage> images = new ArrayList<>(items.size());
        for (Map.Entry<Bytes, Buffered> item : items) {
            load(item.getValue().record(), item.getValue().checked(), loaded, images);
            pending.delete(item.getKey());
        }
        buffered.clear();
        long start = System.nanoTime();
        List<BatchEncoder.Result> results = encoder.encode(images);
        long nanos = System.nanoTime() - start;
        int vectors = 0;
        for (int i = 0; i < results.size(); i++) {
            vectors += emit(loaded.get(i), results.get(i)) ? 1 : 0;
        }
        metrics.batch(items.size(), vectors, nanos);
    }

    /**
     * A record in the batch: as stored, and as parsed on arrival ({@code checked}: event and fetched image), which is
     * null for a record restored from the changelog (it is read again at flush).
     */
    private record Buffered(PendingRecord record, ImageLoader.Checked checked) {
    }

    /** A buffered record whose image decoded, waiting for its vector. */
    private record Loaded(PendingRecord record, GalleryEvent event) {
    }

    /** {@code checked}: the record as parsed on arrival, or null for one restored from the changelog. */
    private void load(PendingRecord record, ImageLoader.Checked checked, List<Loaded> loaded,
                      List<BufferedImage> images) {
        try {
            if (checked == null || checked.imageBytes() == null) {
                checked = loader.read(record.key(), record.value());
            }
            ImageLoader.Decoded decoded = loader.pixels(checked);
            images.add(decoded.image());
            loaded.add(new Loaded(record, decoded.event()));
        } catch (RejectedException e) {
            deadLetter(DeadLetters.of(record, context.currentSystemTimeMs(), e));
        } catch (ImagesUnavailableException e) {
            // Not the record's fault: the task stops, its transaction (with this batch's removal from the pending
            // store) is aborted, and the batch is fetched again when the task restarts.
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            deadLetter(DeadLetters.of(record, context.currentSystemTimeMs(), RejectedException.unexpected(DeadLetterStage.IMAGE, e)));
        }
    }

    private boolean emit(Loaded item, BatchEncoder.Result result) {
        long now = context.currentSystemTimeMs();
        if (result.failure() != null) {
            deadLetter(DeadLetters.of(item.record(), now, result.failure()));
            return false;
        }
        byte[] value;
        try {
            value = codec.encode(VectorEvent.of(item.event(), result.vector(), modelId));
        } catch (RuntimeException e) {
            deadLetter(DeadLetters.of(item.record(), now, RejectedException.unexpected(DeadLetterStage.EMBED, e)));
            return false;
        }
        byte[] key = documentKey(item.record().sourceTopic(), item.record().key());
        if ((long) value.length + key.length > MAX_VECTOR_RECORD_BYTES) {
            // The broker would refuse it (RecordTooLargeException) and the stream would stop.
            deadLetter(DeadLetters.of(item.record(), now, new RejectedException(DeadLetterStage.EMBED, "the vector record"
                    + " would be " + value.length + " bytes, more than the topic accepts (" + MAX_VECTOR_RECORD_BYTES
                    + "); the metadata is too large")));
            return false;
        }
        context.forward(new Record<>(key, value, OutputTimestamp.of(item.record().timestamp(), now)),
                EmbedderTopology.VECTORS);
        return true;
    }

    /**
     * The document a gallery record is about ({@link DocumentId}): the same image id on two benchmark topics (CIRCO
     * val and test) or on a benchmark and the live gallery is two documents, so it is also two buffered items.
     */
    private byte[] documentKey(String sourceTopic, byte[] key) {
        return DocumentId.key(topics.benchmarkOfGallery(sourceTopic).orElse(null), key);
    }

    private void deadLetter(Record<byte[], byte[]> letter) {
        metrics.deadLetter();
        context.forward(letter, EmbedderTopology.DEAD_LETTERS);
    }
}
