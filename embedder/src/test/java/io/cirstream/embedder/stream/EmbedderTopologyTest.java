package io.cirstream.embedder.stream;

import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;

import io.cirstream.contract.index.DocumentId;
import io.cirstream.contract.topic.Topics;
import io.cirstream.model.ModelRuntime;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.imaging.ImageLimits;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static io.cirstream.embedder.stream.GalleryFixtures.encode;
import static io.cirstream.embedder.stream.GalleryFixtures.event;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.key;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

class EmbedderTopologyTest {
    private static final Topics TOPICS = Topics.defaults();
    /** 64x64 synthetic tiles pass; anything with more pixels is "oversized". */
    private static final ImageLimits LIMITS = new ImageLimits(1024 * 1024, 64 * 64);
    private static final ModelRuntime RUNTIME = GalleryFixtures.synthetic();
    /** The driver's wall clock at the start: output timestamps are clamped to it. */
    private static final long NOW = 1_700_000_000_000L;

    private final VectorEventCodec vectors = new VectorEventCodec();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> gallery;
    private TestInputTopic<byte[], byte[]> benchGallery;
    private TestOutputTopic<byte[], byte[]> vectorTopic;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private void start(int batchSize, Duration linger) {
        ImageLoader loader = new ImageLoader(new ImageSource(List.of(Path.of("target")), LIMITS.maxBytes()), LIMITS);
        var topology = EmbedderTopology.build(TOPICS, loader, RUNTIME.images(), RUNTIME.packId(),
                new BatchPolicy(batchSize, linger), new EmbedderMetrics());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedder-topology-test");
        // Its own state dir: a test that ends in an exception must not leave the RocksDB lock to the next one.
        props.put(StreamsConfig.STATE_DIR_CONFIG, TopologyStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        driver = new TopologyTestDriver(topology, props, Instant.ofEpochMilli(NOW));
        var keys = new ByteArraySerializer();
        gallery = driver.createInputTopic(TOPICS.gallery(), keys, keys);
        benchGallery = driver.createInputTopic(TOPICS.benchmarkGallery("cirr"), keys, keys);
        var bytes = new ByteArrayDeserializer();
        vectorTopic = driver.createOutputTopic(TOPICS.vectors(), bytes, bytes);
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), bytes, bytes);
    }

    private void pipeTile(int index, long eventTime) {
        gallery.pipeInput(key(id(index)), tileEvent(index, eventTime));
    }

    @Test
    void flushesWhenTheBatchIsFull() {
        start(4, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            pipeTile(i, 1000 + i);
        }
        assertThat(vectorTopic.isEmpty()).isTrue();

        benchGallery.pipeInput(key(id(3)), tileEvent(3, 1003));

        List<TestRecord<byte[], byte[]>> out = vectorTopic.readRecordsToList();
        assertThat(out).hasSize(4);
        for (TestRecord<byte[], byte[]> record : out) {
            VectorEvent v = vectors.decode(record.value());
            int index = Integer.parseInt(v.id().substring("img-".length()));
            // img-3 came from a benchmark gallery topic: its document is scoped to that collection.
            assertThat(new String(record.key(), StandardCharsets.UTF_8))
                    .isEqualTo(index == 3 ? DocumentId.scoped("cirr", v.id()) : v.id());
            assertThat(v.eventTime()).isEqualTo(1000 + index);
            assertThat(v.model()).isEqualTo(RUNTIME.packId());
            float[] direct = RUNTIME.images().encode(List.of(GalleryFixtures.tile(index))).getFirst();
            assertThat(v.vector()).containsExactly(direct, offset(1e-5f));
        }
    }

    @Test
    void flushesAPartialBatchAfterTheLinger() {
        start(32, Duration.ofMillis(400));
        pipeTile(1, 5);
        pipeTile(2, 6);

        driver.advanceWallClockTime(Duration.ofMillis(200));
        assertThat(vectorTopic.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(250));

        assertThat(vectorTopic.readRecordsToList()).extracting(r -> vectors.decode(r.value()).id())
                .containsExactlyInAnyOrder("img-1", "img-2");
    }

    @Test
    void malformedJsonGoesToTheDeadLetterTopicWithItsOriginalBytes() {
        start(1, Duration.ofHours(1));
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        gallery.pipeInput(key("bad-1"), garbage);
        pipeTile(1, 5);

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(key("bad-1"));
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(DeadLetter.stage(letter.headers())).contains("decode");
        assertThat(DeadLetter.reason(letter.headers())).get().asString().contains("not valid JSON");
        assertThat(DeadLetter.sourceTopic(letter.headers())).contains(TOPICS.gallery());
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(vectorTopic.readRecordsToList()).hasSize(1);
    }

    @Test
    void keyThatIsNotTheEventIdIsRejected() {
        start(1, Duration.ofHours(1));
        gallery.pipeInput(key("other"), tileEvent(1, 5));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(DeadLetter.stage(letter.headers())).contains("decode");
        assertThat(DeadLetter.reason(letter.headers())).get().asString().contains("does not match event id 'img-1'");
        assertThat(vectorTopic.isEmpty()).isTrue();
    }

    @Test
    void corruptImageIsRejectedAtFlushWhileTheRestOfTheBatchIsEncoded() {
        start(3, Duration.ofHours(1));
        byte[] corrupt = encode(event("broken", GalleryFixtures.truncatedPng(7), 9));
        pipeTile(1, 5);
        gallery.pipeInput(key("broken"), corrupt);
        pipeTile(2, 6);

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(key("broken"));
        assertThat(letter.value()).isEqualTo(corrupt);
        assertThat(DeadLetter.stage(letter.headers())).contains("image");
        assertThat(DeadLetter.reason(letter.headers())).get().asString().startsWith("CORRUPT");
        assertThat(vectorTopic.readRecordsToList()).extracting(r -> vectors.decode(r.value()).id())
                .containsExactlyInAnyOrder("img-1", "img-2");
    }

    @Test
    void oversizedImageIsRejectedBeforeBuffering() {
        start(1, Duration.ofHours(1));
        var large = new BufferedImage(65, 64, BufferedImage.TYPE_INT_RGB);
        gallery.pipeInput(key("large"), encode(event("large", GalleryFixtures.png(large), 9)));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(DeadLetter.stage(letter.headers())).contains("image");
        assertThat(DeadLetter.reason(letter.headers())).get().asString()
                .startsWith("TOO_MANY_PIXELS").contains("65x64");
        assertThat(vectorTopic.isEmpty()).isTrue();
    }

    @Test
    void tombstoneDropsTheBufferedUpsertAndIsForwarded() {
        start(2, Duration.ofHours(1));
        pipeTile(1, 5);
        gallery.pipeInput(key(id(1)), null, 7L);
        pipeTile(2, 8);
        pipeTile(3, 9);

        List<TestRecord<byte[], byte[]>> out = vectorTopic.readRecordsToList();
        assertThat(out.getFirst().key()).isEqualTo(key(id(1)));
        assertThat(out.getFirst().value()).isNull();
        assertThat(out.getFirst().timestamp()).isEqualTo(7L);
        assertThat(out.subList(1, out.size())).extracting(r -> vectors.decode(r.value()).id())
                .containsExactlyInAnyOrder("img-2", "img-3");
    }

    @Test
    void anOlderUpsertDoesNotReplaceTheBufferedOne() {
        start(2, Duration.ofHours(1));
        pipeTile(1, 6);
        pipeTile(1, 5);
        pipeTile(2, 7);

        assertThat(vectorTopic.readRecordsToList()).extracting(r -> vectors.decode(r.value()))
                .extracting(VectorEvent::id, VectorEvent::eventTime)
                .containsExactlyInAnyOrder(tuple("img-1", 6L), tuple("img-2", 7L));
    }

    @Test
    void aNewerUpsertReplacesTheBufferedOne() {
        start(2, Duration.ofHours(1));
        pipeTile(1, 5);
        pipeTile(1, 6);
        assertThat(vectorTopic.isEmpty()).isTrue();
        pipeTile(2, 7);

        assertThat(vectorTopic.readRecordsToList()).extracting(r -> vectors.decode(r.value()))
                .extracting(VectorEvent::id, VectorEvent::eventTime)
                .containsExactlyInAnyOrder(tuple("img-1", 6L),
                        tuple("img-2", 7L));
    }
}
