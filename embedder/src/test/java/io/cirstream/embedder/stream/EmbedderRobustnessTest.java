package io.cirstream.embedder.stream;

import io.cirstream.contract.vector.VectorEventCodec;

import io.cirstream.model.ImageEncoder;
import io.cirstream.model.ModelRuntime;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.cirstream.embedder.stream.GalleryFixtures.encode;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.key;
import static io.cirstream.embedder.stream.GalleryFixtures.rawTileEvent;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static io.cirstream.embedder.stream.TopologyHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Regression tests of issue 12: records that used to stop the stream become dead letters, the rest flows on. */
class EmbedderRobustnessTest {
    private static final ImageLimits LIMITS = new ImageLimits(1024 * 1024, 64 * 64);
    private static final ModelRuntime RUNTIME = GalleryFixtures.synthetic();
    /** The fake decoder and encoder below single out images of this width (the tiles are 64 wide). */
    private static final int POISON_WIDTH = 61;

    private final VectorEventCodec codec = new VectorEventCodec();
    private TopologyHarness topology;

    @TempDir
    Path root;

    @AfterEach
    void close() {
        if (topology != null) {
            topology.close();
        }
    }

    private void start(int batchSize, ImageLoader.PixelDecoder decoder, ImageEncoder encoder) {
        topology = new TopologyHarness(TopologyHarness.loader(root, LIMITS, decoder), encoder, RUNTIME.packId(),
                new BatchPolicy(batchSize, Duration.ofHours(1)));
    }

    private void start(int batchSize) {
        start(batchSize, ImageDecoder::decode, RUNTIME.images());
    }

    private void pipe(String id, byte[] value) {
        topology.gallery.pipeInput(key(id), value, NOW - 5);
    }

    private List<String> vectorIds() {
        return topology.vectors.readRecordsToList().stream().map(r -> codec.decode(r.value()).id()).toList();
    }

    private TestRecord<byte[], byte[]> onlyDeadLetter() {
        List<TestRecord<byte[], byte[]>> letters = topology.deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        return letters.getFirst();
    }

    @Test
    void aFutureOrMaximalEventTimeNeverBecomesTheVectorTimestamp() {
        start(2);
        long soon = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
        topology.gallery.pipeInput(key(id(1)), rawTileEvent(1, System.currentTimeMillis() + Duration.ofDays(2).toMillis()),
                NOW - 10);
        topology.gallery.pipeInput(key(id(2)), rawTileEvent(2, Long.MAX_VALUE), NOW + Duration.ofHours(3).toMillis());
        topology.gallery.pipeInput(key(id(3)), null, Long.MAX_VALUE);
        topology.gallery.pipeInput(key(id(4)), tileEvent(4, 5), NOW - 10);
        topology.gallery.pipeInput(key(id(5)), tileEvent(5, soon), NOW + Duration.ofHours(3).toMillis());

        List<TestRecord<byte[], byte[]>> out = topology.vectors.readRecordsToList();
        List<TestRecord<byte[], byte[]>> letters = topology.deadLetters.readRecordsToList();
        assertThat(out).hasSize(3);
        assertThat(out).allSatisfy(r -> assertThat(r.timestamp()).isBetween(0L, NOW));
        assertThat(out).filteredOn(r -> r.value() != null).extracting(r -> codec.decode(r.value()).eventTime())
                .containsExactlyInAnyOrder(5L, soon);
        // Beyond the allowed clock skew an event time would pin the document's external version: refused at decode.
        assertThat(letters).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.timestamp()).isBetween(0L, NOW);
            assertThat(DeadLetter.stage(letter.headers())).contains("decode");
            assertThat(DeadLetter.reason(letter.headers())).get().asString().contains("eventTime");
        });
    }

    @Test
    void malformedFileUrisAreDeadLetteredAndTheStreamGoesOn() {
        start(1);
        String[] uris = {"file://localhost/etc/passwd", "file://../../x", "file:x.png", "file:///x.png?q",
                "file:///a%00.png"};
        for (int i = 0; i < uris.length; i++) {
            pipe("bad-" + i, GalleryFixtures.rawUriEvent("bad-" + i, uris[i], 5));
        }
        pipe(id(1), tileEvent(1, 5));

        List<TestRecord<byte[], byte[]>> letters = topology.deadLetters.readRecordsToList();
        assertThat(letters).hasSize(uris.length).allSatisfy(letter -> {
            assertThat(DeadLetter.stage(letter.headers())).contains("decode");
            assertThat(DeadLetter.reason(letter.headers())).get().asString().contains("not a local file path");
        });
        assertThat(vectorIds()).containsExactly(id(1));
    }

    @Test
    void symlinksToDevZeroAndOutsideTheRootsAreDeadLettered() throws Exception {
        start(1);
        Path outside = Files.createTempFile("outside", ".png");
        try {
            Files.write(outside, GalleryFixtures.png(GalleryFixtures.tile(9)));
            Path zero = Files.createSymbolicLink(root.resolve("zero.png"), Path.of("/dev/zero"));
            Path escape = Files.createSymbolicLink(root.resolve("escape.png"), outside);
            pipe("zero", encode(GalleryEvent.upsert("zero", ImageRef.uri(zero.toUri(), "image/png"),
                    ImageMetadata.inCollection("c"), 5)));
            pipe("escape", encode(GalleryEvent.upsert("escape", ImageRef.uri(escape.toUri(), "image/png"),
                    ImageMetadata.inCollection("c"), 5)));
            pipe(id(1), tileEvent(1, 5));

            assertThat(topology.deadLetters.readRecordsToList())
                    .extracting(r -> new String(r.key(), StandardCharsets.UTF_8), r -> DeadLetter.stage(r.headers()).orElseThrow())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("zero", "fetch"),
                            org.assertj.core.groups.Tuple.tuple("escape", "fetch"));
            assertThat(vectorIds()).containsExactly(id(1));
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aDecoderRunningOutOfMemoryOnOneImageDeadLettersOnlyThatImage() {
        ImageLoader.PixelDecoder decoder = (bytes, limits) -> {
            BufferedImage image = ImageDecoder.decode(bytes, limits);
            if (image.getWidth() == POISON_WIDTH) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            return image;
        };
        start(3, decoder, RUNTIME.images());
        pipe(id(1), tileEvent(1, 5));
        pipe("poison", encode(GalleryFixtures.event("poison", GalleryFixtures.png(
                new BufferedImage(POISON_WIDTH, 8, BufferedImage.TYPE_INT_RGB)), 5)));
        pipe(id(2), tileEvent(2, 5));

        TestRecord<byte[], byte[]> letter = onlyDeadLetter();
        assertThat(letter.key()).isEqualTo(key("poison"));
        assertThat(DeadLetter.stage(letter.headers())).contains("image");
        assertThat(DeadLetter.reason(letter.headers())).get().asString().contains("out of memory");
        assertThat(vectorIds()).containsExactlyInAnyOrder(id(1), id(2));
    }

    @Test
    void anEncoderFailingUnexpectedlyOnOneImageDeadLettersOnlyThatImage() {
        ImageEncoder real = RUNTIME.images();
        ImageEncoder encoder = new ImageEncoder() {
            @Override
            public int dimension() {
                return real.dimension();
            }

            @Override
            public List<float[]> encode(List<BufferedImage> images) {
                if (images.stream().anyMatch(i -> i.getWidth() == POISON_WIDTH)) {
                    throw new OutOfMemoryError("Direct buffer memory (simulated)");
                }
                return real.encode(images);
            }

            @Override
            public void close() {
                // The shared runtime is closed by nobody: it lives for the test JVM.
            }
        };
        start(3, ImageDecoder::decode, encoder);
        pipe(id(1), tileEvent(1, 5));
        pipe("poison", encode(GalleryFixtures.event("poison", GalleryFixtures.png(
                new BufferedImage(POISON_WIDTH, 8, BufferedImage.TYPE_INT_RGB)), 5)));
        pipe(id(2), tileEvent(2, 5));

        TestRecord<byte[], byte[]> letter = onlyDeadLetter();
        assertThat(letter.key()).isEqualTo(key("poison"));
        assertThat(DeadLetter.stage(letter.headers())).contains("embed");
        assertThat(vectorIds()).containsExactlyInAnyOrder(id(1), id(2));
    }

    @Test
    void anEncoderThatFailsOnEveryImageStopsTheTaskInsteadOfDeadLetteringGoodImages() {
        ImageEncoder broken = new ImageEncoder() {
            @Override
            public int dimension() {
                return RUNTIME.images().dimension();
            }

            @Override
            public List<float[]> encode(List<BufferedImage> images) {
                throw new IllegalStateException("CUDA error: device lost (simulated)");
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
        start(2, ImageDecoder::decode, broken);
        pipe(id(1), tileEvent(1, 5));

        assertThatThrownBy(() -> pipe(id(2), tileEvent(2, 5)))
                .hasRootCauseMessage("CUDA error: device lost (simulated)")
                .hasStackTraceContaining("EncoderUnavailableException");
        assertThat(topology.deadLetters.readRecordsToList()).as("good images are not the encoder's fault").isEmpty();
        assertThat(topology.vectors.readRecordsToList()).isEmpty();
    }

    @Test
    void tombstonesWithOddKeysAreForwarded() {
        start(1);
        byte[] odd = {(byte) 0xff, 0, '\n'};
        topology.gallery.pipeInput(odd, null, NOW - 1);

        TestRecord<byte[], byte[]> out = topology.vectors.readRecord();
        assertThat(out.key()).isEqualTo(odd);
        assertThat(out.value()).isNull();
        assertThat(topology.deadLetters.isEmpty()).isTrue();
    }
}
