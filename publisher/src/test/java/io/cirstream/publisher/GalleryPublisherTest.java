package io.cirstream.publisher;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.testkit.TestImages;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation and event building against an in-memory producer; the Kafka path itself is covered by IngestIntegrationTest. */
class GalleryPublisherTest {
    private static final KafkaConfig KAFKA = new KafkaConfig("127.0.0.1:9092", 1, (short) 1);

    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    private GalleryPublisher publisher(PublisherOptions options) {
        return new GalleryPublisher(options, producer, true, Clock.fixed(Instant.ofEpochMilli(1234), ZoneOffset.UTC));
    }

    private PublisherOptions options() {
        return PublisherOptions.defaults(KAFKA, "gallery").withAllowedRoots(List.of(root));
    }

    @Test
    void smallFileUnderARootIsSentInline() throws IOException {
        byte[] png = TestImages.png(16, 8);
        Path file = Files.write(root.resolve("a.png"), png);

        PublishResult result = publisher(options()).publish("a", file.toUri(), ImageMetadata.inCollection("c")).join();

        assertThat(result).isInstanceOf(PublishResult.Accepted.class);
        assertThat(producer.history()).hasSize(1);
        GalleryEvent event = new GalleryEventCodec().decode(producer.history().getFirst().value());
        assertThat(producer.history().getFirst().key()).isEqualTo("a");
        assertThat(event.image().inline()).isEqualTo(png);
        assertThat(event.image().contentType()).isEqualTo("image/png");
        assertThat(event.metadata().collection()).isEqualTo("c");
        assertThat(event.eventTime()).isEqualTo(1234);
    }

    @Test
    void fileAboveTheInlineLimitIsSentByReference() throws IOException {
        Path file = Files.write(root.resolve("big.png"), TestImages.png(64, 64));
        PublisherOptions small = new PublisherOptions(KAFKA, "gallery", ImageLimits.DEFAULT, List.of(root), Set.of(),
                100, true, 0, null);

        publisher(small).publish("big", file.toUri(), ImageMetadata.inCollection(null)).join();

        GalleryEvent event = new GalleryEventCodec().decode(producer.history().getFirst().value());
        assertThat(event.image().isInline()).isFalse();
        assertThat(event.image().uri()).isEqualTo(file.toRealPath().toUri());
    }

    @Test
    void fileOutsideTheRootsIsNotAllowed() throws IOException {
        Path file = Files.write(elsewhere.resolve("x.png"), TestImages.png(4, 4));

        assertRejected(publisher(options()).publish("x", file.toUri(), ImageMetadata.inCollection(null)).join(),
                RejectReason.NOT_ALLOWED, "outside the allowed roots");
    }

    @Test
    void symlinkCannotEscapeTheRoot() throws IOException {
        Path target = Files.write(elsewhere.resolve("secret.png"), TestImages.png(4, 4));
        Path link = Files.createSymbolicLink(root.resolve("link.png"), target);

        assertRejected(publisher(options()).publish("l", link.toUri(), ImageMetadata.inCollection(null)).join(),
                RejectReason.NOT_ALLOWED, "outside the allowed roots");
    }

    @Test
    void missingFileIsNotFound() {
        assertRejected(publisher(options()).publish("m", root.resolve("nope.png").toUri(),
                ImageMetadata.inCollection(null)).join(), RejectReason.NOT_FOUND, "nope.png");
    }

    @Test
    void otherSchemesNeedTheAllowList() {
        URI remote = URI.create("s3://bucket/key.jpg");
        PublisherOptions s3 = new PublisherOptions(KAFKA, "gallery", ImageLimits.DEFAULT, List.of(root), Set.of("s3"),
                PublisherOptions.DEFAULT_INLINE_LIMIT, true, 0, null);

        assertRejected(publisher(options()).publish("r", remote, ImageMetadata.inCollection(null)).join(),
                RejectReason.NOT_ALLOWED, "scheme 's3' is not allow-listed");
        assertThat(publisher(s3).publish("r", remote, ImageMetadata.inCollection(null)).join())
                .isInstanceOf(PublishResult.Accepted.class);
    }

    @Test
    void imageProblemsKeepTheirReason() throws IOException {
        Path text = Files.writeString(root.resolve("notes.txt"), "not an image");
        Path cut = Files.write(root.resolve("cut.png"), TestImages.truncated(TestImages.png(64, 64), 0.5));
        GalleryPublisher publisher = publisher(options().withLimits(new ImageLimits(1 << 20, 100)));

        assertRejected(publisher.publish("t", text.toUri(), ImageMetadata.inCollection(null)).join(),
                RejectReason.UNSUPPORTED, "not a recognised image");
        assertRejected(publisher.publish("c", cut.toUri(), ImageMetadata.inCollection(null)).join(),
                RejectReason.TOO_MANY_PIXELS, "64x64");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void uploadedBytesAreValidatedToo() {
        GalleryPublisher publisher = publisher(options());

        assertRejected(publisher.publish("u", "GIF89a-but-not-really".getBytes(StandardCharsets.US_ASCII),
                ImageMetadata.inCollection(null)).join(), RejectReason.CORRUPT, "GIF");
        assertThat(publisher.publish("u", TestImages.jpeg(8, 8), ImageMetadata.inCollection(null)).join())
                .isInstanceOf(PublishResult.Accepted.class);
    }

    @Test
    void invalidIdIsRefusedBeforeSending() throws IOException {
        Path file = Files.write(root.resolve("a.png"), TestImages.png(4, 4));

        assertRejected(publisher(options()).publish(" a", file.toUri(), ImageMetadata.inCollection(null)).join(),
                RejectReason.INVALID_ID, "whitespace");
    }

    @Test
    void idsOverTheUtf8ByteLimitOrWithControlCharactersAreRefusedBeforeSending() {
        // Regression: POST /v1/images answered 202 for these, then OpenSearch refused the whole bulk.
        GalleryPublisher publisher = publisher(options());
        byte[] png = TestImages.png(4, 4);

        assertRejected(publisher.publish("画".repeat(200), png, ImageMetadata.inCollection(null)).join(),
                RejectReason.INVALID_ID, "600 bytes in UTF-8");
        assertRejected(publisher.publish("a\u0000b", png, ImageMetadata.inCollection(null)).join(),
                RejectReason.INVALID_ID, "control character U+0000");
        assertRejected(publisher.delete("a\u0000b").join(), RejectReason.INVALID_ID, "control character");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void deleteSendsATombstone() {
        publisher(options()).delete("gone").join();

        assertThat(producer.history().getFirst().key()).isEqualTo("gone");
        assertThat(producer.history().getFirst().value()).isNull();
    }

    private static void assertRejected(PublishResult result, RejectReason reason, String messagePart) {
        assertThat(result).isInstanceOfSatisfying(PublishResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.message()).contains(messagePart);
        });
    }
}
