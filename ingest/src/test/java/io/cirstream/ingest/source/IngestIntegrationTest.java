package io.cirstream.ingest.source;

import io.cirstream.publisher.PublishResult;
import io.cirstream.publisher.PublisherOptions;
import io.cirstream.publisher.RejectReason;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.testkit.TestImages;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IngestIntegrationTest {
    private static final KafkaConfig KAFKA = new KafkaConfig(LocalInfra.kafkaBootstrap(), 2, (short) 1);

    @TempDir
    Path folder;

    @Test
    void publishesExactlyTheValidImagesAndReportsEveryRejectedFile() throws Exception {
        byte[] png = TestImages.png(48, 32);
        byte[] jpeg = TestImages.jpeg(40, 40);
        Files.write(folder.resolve("good.png"), png);
        Files.createDirectories(folder.resolve("trip"));
        Files.write(folder.resolve("trip/good.jpg"), jpeg);
        Files.write(folder.resolve("cut.png"), TestImages.truncated(TestImages.encode(noise(120, 120), "png"), 0.5));
        Files.writeString(folder.resolve("notes.txt"), "shopping list");
        Files.write(folder.resolve("huge.png"), TestImages.encode(noise(200, 200), "png"));
        Files.write(folder.resolve("bomb.png"), TestImages.pngHeaderClaiming(50_000, 50_000));
        String topic = LocalInfra.uniqueName("ingest-it");
        PublisherOptions publisher = PublisherOptions.defaults(KAFKA, topic)
                .withLimits(new ImageLimits(60_000, 10_000_000));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        IngestSummary summary = IngestRunner.run(new IngestOptions(List.of(folder.toString()), publisher, "it",
                Duration.ofSeconds(1)), new PrintStream(err, true, StandardCharsets.UTF_8));

        Map<String, RejectReason> rejected = summary.rejected().stream().collect(Collectors.toMap(
                r -> Path.of(r.source()).getFileName().toString(), PublishResult.Rejected::reason));
        assertThat(rejected).isEqualTo(Map.of("cut.png", RejectReason.CORRUPT, "notes.txt", RejectReason.UNSUPPORTED,
                "huge.png", RejectReason.TOO_MANY_BYTES, "bomb.png", RejectReason.TOO_MANY_PIXELS));
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.bytes()).isEqualTo(png.length + jpeg.length);
        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ingest: 2 accepted, 4 rejected")
                .contains("TOO_MANY_BYTES").contains("huge.png");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(LocalInfra.kafkaBootstrap(), topic);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("good", "trip/good");
        for (ConsumerRecord<String, byte[]> record : records) {
            GalleryEvent event = new GalleryEventCodec().decode(record.value());
            assertThat(event.metadata().collection()).isEqualTo("it");
            BufferedImage image = ImageDecoder.decode(event.image().inline(), ImageLimits.DEFAULT);
            assertThat(image.getWidth()).isEqualTo(record.key().equals("good") ? 48 : 40);
        }
    }

    @Test
    void cleanRunExitsZero() throws IOException {
        Files.write(folder.resolve("only.gif"), TestImages.encode(TestImages.halves(10, 10), "gif"));
        String topic = LocalInfra.uniqueName("ingest-it");

        IngestSummary summary = IngestRunner.run(new IngestOptions(List.of(folder + "/*.gif"),
                PublisherOptions.defaults(KAFKA, topic), null, null), new PrintStream(new ByteArrayOutputStream()));

        assertThat(summary.exitCode()).isZero();
        assertThat(TopicReader.readAll(LocalInfra.kafkaBootstrap(), topic)).extracting(ConsumerRecord::key)
                .containsExactly("only");
    }

    @Test
    void imageListEntriesCarryMetadataAndCannotReachOutsideTheirFolder(@TempDir Path outside) throws IOException {
        Path images = Files.createDirectories(folder.resolve("set"));
        Files.write(images.resolve("a.png"), TestImages.png(8, 8));
        Files.write(outside.resolve("secret.png"), TestImages.png(8, 8));
        Path imageList = Files.writeString(images.resolve("image list.csv"), "path,id,collection,category,lat,lon\n"
                + "a.png,img-a,aerial,harbour,43.3,5.4\n"
                + outside.resolve("secret.png") + ",img-s,aerial,,,\n");
        String topic = LocalInfra.uniqueName("ingest-it");

        IngestSummary summary = IngestRunner.run(new IngestOptions(List.of(imageList.toString()),
                PublisherOptions.defaults(KAFKA, topic), null, null), new PrintStream(new ByteArrayOutputStream()));

        assertThat(summary.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.NOT_ALLOWED);
            assertThat(r.source()).isEqualTo(imageList + ":3");
        });
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(LocalInfra.kafkaBootstrap(), topic);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("img-a");
        GalleryEvent event = new GalleryEventCodec().decode(records.getFirst().value());
        assertThat(event.metadata().collection()).isEqualTo("aerial");
        assertThat(event.metadata().category()).isEqualTo("harbour");
        assertThat(event.metadata().geo().lat()).isEqualTo(43.3);
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
