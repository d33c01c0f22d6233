package io.cirstream.embedder.stream;

import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.model.ModelRuntime;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.key;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static io.cirstream.embedder.stream.TopologyHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a task finds in its pending store when it starts: Kafka Streams restores the store from the changelog (after a
 * crash, or when the task moves) before it initialises the processor, and initialises it again when it revives a
 * task. The batcher mirrors the store in memory, so it must read the store back at each start.
 */
class RestoredBatchTest {
    private static final ModelRuntime RUNTIME = GalleryFixtures.synthetic();
    private static final ImageLimits LIMITS = new ImageLimits(1024 * 1024, 64 * 64);

    private final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    private final VectorEventCodec codec = new VectorEventCodec();
    private KeyValueStore<Bytes, PendingRecord> store;
    private ImageLoader loader;
    private MicroBatcher batcher;
    private long offset = 10;

    @TempDir
    Path root;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EmbedderTopology.PENDING_STORE),
                Serdes.Bytes(), PendingRecord.serde()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        context.setCurrentSystemTimeMs(NOW);
        loader = TopologyHarness.loader(root, LIMITS, ImageDecoder::decode);
    }

    @Test
    void aBatchFoundInTheStoreIsEncodedWithTheRecordsThatFollow() throws Exception {
        restored(id(1), tileEvent(1, 5));
        restored(id(2), tileEvent(2, 5));
        start(3);

        pipe(id(3), tileEvent(3, 5));

        assertThat(vectorIds()).containsExactlyInAnyOrder(id(1), id(2), id(3));
        assertThat(deadLetters()).isEmpty();
        assertThat(storedIds()).as("the store is emptied with the flush").isEmpty();
    }

    @Test
    void aRevivedTaskCountsItsRestoredBatchOnce() throws Exception {
        // Streams initialises a revived task's processor again, on the store as it was restored.
        restored(id(1), tileEvent(1, 5));
        restored(id(2), tileEvent(2, 5));
        start(4);
        batcher.init(context);

        pipe(id(3), tileEvent(3, 5));
        assertThat(vectorIds()).as("3 buffered images are not a batch of 4").isEmpty();
        assertThat(storedIds()).containsExactlyInAnyOrder(id(1), id(2), id(3));

        pipe(id(4), tileEvent(4, 5));
        assertThat(vectorIds()).containsExactlyInAnyOrder(id(1), id(2), id(3), id(4));
    }

    @Test
    void aRestoredPendingRecordThatNoLongerDecodesIsDeadLetteredNotThrown() throws Exception {
        // Left by an embedder with laxer rules; the image arriving for the same id replaces it.
        byte[] stale = "{\"schema\":1,\"op\":\"UPSERT\",\"id\":\"img-1\"".getBytes(StandardCharsets.UTF_8);
        restored(id(1), stale);
        start(1);

        pipe(id(1), tileEvent(1, 5));
        pipe(id(2), tileEvent(2, 5));

        List<Record<byte[], byte[]>> letters = deadLetters();
        assertThat(letters).hasSize(1);
        assertThat(letters.getFirst().value()).isEqualTo(stale);
        assertThat(vectorIds()).containsExactlyInAnyOrder(id(1), id(2));
    }

    private void restored(String id, byte[] value) {
        store.put(Bytes.wrap(key(id)), new PendingRecord(TopologyHarness.TOPICS.gallery(), 0, NOW - 100, key(id), value));
    }

    private void start(int batchSize) {
        batcher = new MicroBatcher(TopologyHarness.TOPICS, loader, new BatchEncoder(RUNTIME.images()), RUNTIME.packId(),
                new BatchPolicy(batchSize, Duration.ofHours(1)), new EmbedderMetrics());
        batcher.init(context);
    }

    private void pipe(String id, byte[] value) throws RejectedException {
        context.setRecordMetadata(TopologyHarness.TOPICS.gallery(), 0, offset++);
        batcher.process(new Record<>(key(id), new Arrived(value, loader.check(key(id), value)), NOW - 5));
    }

    private List<String> vectorIds() {
        return forwardedTo(EmbedderTopology.VECTORS).stream().map(r -> codec.decode(r.value()).id()).toList();
    }

    private List<Record<byte[], byte[]>> deadLetters() {
        return forwardedTo(EmbedderTopology.DEAD_LETTERS);
    }

    private List<Record<byte[], byte[]>> forwardedTo(String child) {
        return context.forwarded().stream().filter(f -> f.childName().map(child::equals).orElse(false))
                .map(f -> new Record<byte[], byte[]>(f.record().key(), f.record().value(), f.record().timestamp()))
                .toList();
    }

    private List<String> storedIds() {
        try (var all = store.all()) {
            List<String> ids = new ArrayList<>();
            all.forEachRemaining(kv -> ids.add(new String(kv.key.get(), StandardCharsets.UTF_8)));
            return ids;
        }
    }
}
