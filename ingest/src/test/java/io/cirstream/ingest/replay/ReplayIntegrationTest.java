package io.cirstream.ingest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.event.ReplayReceipt;
import io.cirstream.contract.event.ReplayReceiptCodec;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.contract.event.BenchmarkQueryCodec;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.ingest.source.TopicReader;
import io.cirstream.tools.world.CirrLayout;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ReplayIntegrationTest {
    private static final KafkaConfig KAFKA = new KafkaConfig(LocalInfra.kafkaBootstrap(), 3, (short) 1);

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path world;

    @Test
    void syntheticReplayFillsGalleryQueriesAndReceiptTopicsMatchingTheAnnotationFiles() throws IOException {
        CirrLayout layout = SyntheticWorld.generate(42, 60, 45, world);
        JsonNode split = Json.mapper().readTree(layout.imageSplit().toFile());
        JsonNode captions = Json.mapper().readTree(layout.captions().toFile());
        Topics topics = new Topics(LocalInfra.uniqueName("replay-it") + ".");
        ReplayOptions options = ReplayOptions.of(Benchmark.SYNTHETIC, world, "val", KAFKA).withTopics(topics);

        ReplaySummary summary = Replayer.run(options, new PrintStream(new ByteArrayOutputStream()));

        assertThat(summary.problems()).isEmpty();
        assertThat(summary.galleryRejected()).isEmpty();
        assertThat(summary.exitCode()).isZero();
        String bootstrap = LocalInfra.kafkaBootstrap();
        List<ConsumerRecord<String, byte[]>> gallery = TopicReader.readAll(bootstrap,
                topics.benchmarkGallery("synthetic-val"));
        List<ConsumerRecord<String, byte[]>> queries = TopicReader.readAll(bootstrap,
                topics.benchmarkQueries("synthetic-val"));
        List<ConsumerRecord<String, byte[]>> receipts = TopicReader.readAll(bootstrap,
                topics.benchmarkReceipt("synthetic-val"));

        Set<String> splitNames = new HashSet<>();
        split.fieldNames().forEachRemaining(splitNames::add);
        assertThat(gallery).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(splitNames);
        GalleryEvent event = new GalleryEventCodec().decode(gallery.getFirst().value());
        assertThat(event.metadata().collection()).isEqualTo("synthetic-val");
        assertThat(event.metadata().source()).isEqualTo("synthetic");
        assertThat(event.image().contentType()).isEqualTo("image/png");

        assertThat(queries).hasSize(captions.size());
        BenchmarkQuery query = new BenchmarkQueryCodec().decode(queries.getFirst().value());
        assertThat(splitNames).contains(query.referenceId()).containsAll(query.targetIds());
        assertThat(query.texts()).hasSize(1);

        assertThat(receipts).hasSize(1);
        ReplayReceipt receipt = new ReplayReceiptCodec().decode(receipts.getFirst().value());
        assertThat(receipt.galleryCount()).isEqualTo(split.size());
        assertThat(receipt.queryCount()).isEqualTo(captions.size());
        assertThat(receipt.collection()).isEqualTo("synthetic-val");
        assertThat(receipt.split()).isEqualTo("val");
        assertThat(receipts.getFirst().timestamp()).isGreaterThanOrEqualTo(
                queries.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow());
    }

    @Test
    void limitReplaysAPrefixOfTheGalleryAndOnlyAnswerableQueries() {
        SyntheticWorld.generate(7, 40, 60, world);
        Topics topics = new Topics(LocalInfra.uniqueName("replay-it") + ".");
        ReplayOptions options = ReplayOptions.of(Benchmark.SYNTHETIC, world, "val", KAFKA).withTopics(topics)
                .withLimit(20);

        ReplaySummary summary = Replayer.run(options, new PrintStream(new ByteArrayOutputStream()));

        assertThat(summary.receipt().galleryCount()).isEqualTo(20);
        // Seed 7 fixes the world, so the number of queries answerable within the first 20 images is fixed too.
        assertThat(summary.receipt().queryCount()).isEqualTo(13L);
        List<ConsumerRecord<String, byte[]>> gallery = TopicReader.readAll(LocalInfra.kafkaBootstrap(),
                topics.benchmarkGallery("synthetic-val"));
        assertThat(gallery).hasSize(20);
        Set<String> ids = new HashSet<>();
        gallery.forEach(r -> ids.add(r.key()));
        List<ConsumerRecord<String, byte[]>> queries = TopicReader.readAll(LocalInfra.kafkaBootstrap(),
                topics.benchmarkQueries("synthetic-val"));
        assertThat(queries).hasSize((int) summary.receipt().queryCount());
        queries.forEach(record -> {
            BenchmarkQuery query = new BenchmarkQueryCodec().decode(record.value());
            assertThat(ids).contains(query.referenceId()).containsAll(query.targetIds());
        });
    }

    /**
     * Issue 13 item 5: --data pointing where no image is used to replay 0 images with rc 0 and publish an empty
     * receipt over the good one. Now it fails, says where images were expected, lists every problem in a file
     * and writes no receipt, so the previous replay stays the one eval reads.
     */
    @Test
    void aReplayThatFindsNoImageFailsUnpublishedAndTheGoodReceiptStays() throws IOException {
        SyntheticWorld.generate(11, 60, 40, world);
        Topics topics = new Topics(LocalInfra.uniqueName("replay-empty") + ".");
        ReplayOptions good = ReplayOptions.of(Benchmark.SYNTHETIC, world, "val", KAFKA).withTopics(topics)
                .withProblems(null, null, world.resolve("problems"));
        Replayer.run(good, QUIET);
        Path nowhere = Files.createDirectories(world.resolve("no-images-here"));
        ReplayOptions empty = good.withParser(ParserSettings.defaults().withImageRoot(nowhere));

        assertThatThrownBy(() -> Replayer.run(empty, QUIET))
                .isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("found no gallery image: expected")
                .hasMessageContaining(nowhere.toAbsolutePath().toString())
                .hasMessageContaining("every problem is listed in")
                .hasMessageContaining("No receipt was written");

        assertThat(TopicReader.readAll(LocalInfra.kafkaBootstrap(), topics.benchmarkReceipt("synthetic-val")))
                .hasSize(1);
        try (Stream<Path> files = Files.list(world.resolve("problems"))) {
            Path listing = files.filter(f -> f.toString().endsWith(".problems.txt")).findFirst().orElseThrow();
            assertThat(Files.readAllLines(listing)).hasSizeGreaterThanOrEqualTo(60 + 40)
                    .allMatch(line -> line.startsWith("problem: "));
        }
    }

    /** Problems above --max-problems fail the replay; within it, every one (not only the first 50) is in the file. */
    @Test
    void problemsAboveTheBoundFailAndEveryProblemGoesToAFile() throws IOException {
        CirrLayout layout = SyntheticWorld.generate(12, 80, 10, world);
        JsonNode split = Json.mapper().readTree(layout.imageSplit().toFile());
        int removed = 0;
        for (var names = split.fieldNames(); names.hasNext() && removed < 60; removed++) {
            Files.delete(world.resolve(split.get(names.next()).asText()).normalize());
        }
        Topics topics = new Topics(LocalInfra.uniqueName("replay-bound") + ".");
        ReplayOptions options = ReplayOptions.of(Benchmark.SYNTHETIC, world, "val", KAFKA).withTopics(topics)
                .withProblems(null, null, world.resolve("problems"));

        assertThatThrownBy(() -> Replayer.run(options, QUIET)).isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("more than --max-problems 5% allows");
        assertThat(TopicReader.readAll(LocalInfra.kafkaBootstrap(), topics.benchmarkReceipt("synthetic-val")))
                .isEmpty();

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ReplaySummary summary = Replayer.run(options.withProblems(null, ProblemBound.parse("90%"),
                world.resolve("problems")), new PrintStream(console, true));

        assertThat(summary.problems().size()).isGreaterThan(60);
        assertThat(Files.readAllLines(summary.problemsFile())).hasSize(summary.problems().size());
        assertThat(console.toString()).contains("every problem: " + summary.problemsFile());
    }

    /**
     * Issue 13 item 2, on the real broker: FashionIQ files shaped like the published ones (cap.<category>.<split>.json,
     * split.<category>.<split>.json) with an ASIN shared by shirt and toptee and by val and test. The val replay
     * publishes the shared ASIN once, tagged with both categories, and keeps every query of both categories.
     */
    @Test
    void aFashionIqAsinInTwoCategoriesIsPublishedOnceTaggedWithBoth() throws IOException {
        for (String asin : List.of("B00SHARED", "S1", "T1", "245600258X")) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", Files.createDirectories(world.resolve("images")).resolve(asin + ".png").toFile());
        }
        for (String split : List.of("val", "test")) {
            Fixtures.json(world.resolve("image_splits/split.shirt." + split + ".json"), "['B00SHARED', 'S1']");
            Fixtures.json(world.resolve("image_splits/split.toptee." + split + ".json"), "['T1', 'B00SHARED', '245600258X']");
        }
        Fixtures.json(world.resolve("captions/cap.shirt.val.json"),
                "[{'candidate': 'S1', 'target': 'B00SHARED', 'captions': ['is darker', '']}]");
        Fixtures.json(world.resolve("captions/cap.toptee.val.json"),
                "[{'candidate': 'B00SHARED', 'target': '245600258X', 'captions': ['has stripes', ' ']}]");
        Topics topics = new Topics(LocalInfra.uniqueName("replay-fiq") + ".");
        ParserSettings settings = new ParserSettings(null, List.of("shirt", "toptee"), null, null, java.util.Map.of());
        ReplayOptions options = ReplayOptions.of(Benchmark.FASHIONIQ, world, "val", KAFKA).withTopics(topics)
                .withParser(settings).withProblems(null, null, world.resolve("problems"));

        ReplaySummary summary = Replayer.run(options, QUIET);

        assertThat(summary.problems()).isEmpty();
        assertThat(summary.receipt().galleryCount()).isEqualTo(4);
        assertThat(summary.receipt().queryCount()).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> gallery = TopicReader.readAll(LocalInfra.kafkaBootstrap(),
                topics.benchmarkGallery("fashioniq-val"));
        assertThat(gallery).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("B00SHARED", "S1", "T1", "245600258X");
        GalleryEvent shared = gallery.stream().filter(r -> r.key().equals("B00SHARED")).findFirst()
                .map(r -> new GalleryEventCodec().decode(r.value())).orElseThrow();
        assertThat(shared.metadata().tags()).containsExactly("shirt", "toptee");
        assertThat(shared.metadata().category()).isEqualTo("shirt");
        assertThat(shared.metadata().attributes()).containsEntry(ReplayRun.ATTRIBUTE, summary.runId());
    }
}
