package io.cirstream.embedder.app;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.topic.TopicSetup;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.model.ImageEncoder;
import io.cirstream.model.ModelRuntime;
import io.cirstream.embedder.stream.EmbedderMetrics;
import io.cirstream.embedder.stream.EmbedderTopology;
import io.cirstream.embedder.stream.ImageLoader;
import io.cirstream.embedder.stream.ImageSource;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.testkit.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.encode;
import static io.cirstream.embedder.stream.GalleryFixtures.event;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.png;
import static io.cirstream.embedder.stream.GalleryFixtures.tile;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class EmbedderServiceIntegrationTest {
    private static final int IMAGES = 2000;
    private static final ModelRuntime RUNTIME = GalleryFixtures.synthetic();

    @TempDir
    Path stateDir;

    private static List<float[]> expectedVectors(int count) {
        List<float[]> out = new ArrayList<>(count);
        for (int from = 0; from < count; from += 64) {
            List<BufferedImage> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 64); i++) {
                batch.add(tile(i));
            }
            out.addAll(RUNTIME.images().encode(batch));
        }
        return out;
    }

    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void everyImageBecomesOneDocumentFoundByItsOwnVectorDespiteDuplicatesAndReplays() {
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of());
             EmbedderService service = h.start()) {
            for (int i = 0; i < IMAGES; i++) {
                h.send(id(i), tileEvent(i, 1_000 + i), 1_000 + i);
            }
            for (int i = 0; i < IMAGES; i += 5) {
                h.send(id(i), tileEvent(i, 1_000 + i), 1_000 + i);
            }
            h.flush();

            await("2000 documents", () -> h.documentCount() == IMAGES && service.metrics().snapshot().indexed()
                    + service.metrics().snapshot().versionConflicts() >= IMAGES + IMAGES / 5);

            assertThat(h.documentCount()).isEqualTo(IMAGES);
            assertThat(h.document(id(17)).path("_version").asLong()).isEqualTo(1_017);
            assertThat(h.readAll(h.topics().vectors())).hasSize(IMAGES + IMAGES / 5);
            assertRankOne(h, expectedVectors(IMAGES));
        }
    }

    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void prometheusEndpointReportsCountersAndConsumerLag() throws Exception {
        int images = 40;
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of(EmbedderConfig.METRICS_PORT.name(), "0"));
             EmbedderService service = h.start()) {
            for (int i = 0; i < images; i++) {
                h.send(id(i), tileEvent(i, 1_000 + i), 1_000 + i);
            }
            h.flush();
            await("40 documents", () -> h.documentCount() == images && service.metrics().snapshot().indexed() == images);
            long indexedAt = System.nanoTime();
            URI base = URI.create("http://127.0.0.1:" + service.metricsPort().orElseThrow());

            try (HttpClient http = HttpClient.newHttpClient()) {
                // Both consumers have read everything, so the lag the endpoint reports must come down to zero: in a
                // measurement taken after that, not in one from before the first record (an empty topic's zero).
                await("zero lag measured after indexing", () -> {
                    String now = scrape(http, base);
                    return zeroLagMeasuredSince(now, "stream", indexedAt) && zeroLagMeasuredSince(now, "sink", indexedAt);
                });
                String metrics = scrape(http, base);
                assertThat(metrics)
                        .contains("cirstream_embedder_vectors_out_total " + images + ".0")
                        .contains("cirstream_embedder_records_in_total " + images + ".0")
                        .contains("cirstream_embedder_dead_letters_total 0.0")
                        .contains("cirstream_embedder_indexed_documents_total " + images + ".0")
                        // Lag per partition from the broker's offsets, for both consumer groups
                        .contains("cirstream_embedder_partition_lag{partition=\"0\",role=\"stream\"")
                        .contains("cirstream_embedder_partition_lag{partition=\"0\",role=\"sink\"")
                        // Kafka client metrics stay, less their records-lag series (stale when paused, doubled)
                        .contains("kafka_consumer_")
                        .doesNotContain("kafka_consumer_fetch_manager_records_lag");
                assertThat(http.send(HttpRequest.newBuilder(base.resolve("/other")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            }
        }
    }

    private static boolean zeroLagMeasuredSince(String scrape, String role, long sinceNanos) {
        double elapsed = (System.nanoTime() - sinceNanos) / 1e9;
        return scrape.contains("cirstream_embedder_" + role + "_lag 0.0") && scrape.lines()
                .filter(l -> l.startsWith("cirstream_embedder_" + role + "_lag_age_seconds "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
                .anyMatch(age -> age < elapsed);
    }

    private static String scrape(HttpClient http, URI base) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot scrape " + base, e);
        }
    }

    /**
     * The synthetic pack encodes attributes, so tiles sharing all attributes get vectors equal to ~1e-6: such a twin
     * may take rank 1 with the same score. Rank 1 must then be the image itself or an equally-scored twin, and the
     * image itself must be among the tied top hits.
     */
    private static void assertRankOne(EmbedderHarness h, List<float[]> vectors) {
        List<JsonNode> results = h.knn(vectors, 10);
        int exact = 0;
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode hits = results.get(i);
            double top = hits.get(0).path("_score").asDouble();
            String own = id(i);
            List<String> tiedAtTop = new ArrayList<>();
            hits.forEach(hit -> {
                if (Math.abs(hit.path("_score").asDouble() - top) < 1e-5) {
                    tiedAtTop.add(hit.path("_id").asText());
                }
            });
            assertThat(tiedAtTop).as("top hits for %s", own).contains(own);
            assertThat(top).isCloseTo(1.0, within(1e-4));
            exact += hits.get(0).path("_id").asText().equals(own) ? 1 : 0;
        }
        assertThat(exact).as("images at rank 1 without a tie-break").isGreaterThan(vectors.size() / 2);
    }

    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void anOlderEventChangesNothingAndDeletesRemoveForGood() {
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of());
             EmbedderService service = h.start()) {
            h.send("newer-wins", encode(event("newer-wins", png(tile(1)), 2_000)), 2_000);
            h.send("newer-wins", encode(event("newer-wins", png(tile(2)), 1_000)), 1_000);
            h.send("deleted", encode(event("deleted", png(tile(3)), 3_000)), 3_000);
            h.send("kept", encode(event("kept", png(tile(4)), 3_000)), 3_000);
            h.flush();
            await("three documents indexed", () -> h.documentCount() == 3);

            h.send("deleted", null, 5_000);
            h.send("deleted", encode(event("deleted", png(tile(5)), 4_000)), 4_000);
            h.send("sentinel", encode(event("sentinel", png(tile(6)), 6_000)), 6_000);
            h.flush();
            await("sentinel indexed after the delete", () -> h.document("sentinel").path("found").asBoolean());

            JsonNode newer = h.document("newer-wins");
            assertThat(newer.path("_source").path("event_time").asLong()).isEqualTo(2_000);
            assertThat(newer.path("_version").asLong()).isEqualTo(2_000);
            assertThat(h.document("deleted").path("found").asBoolean()).isFalse();
            assertThat(h.documentCount()).isEqualTo(3);
        }
    }

    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void badImagesGoToTheDeadLetterTopicWhileTheStreamKeepsRunning() {
        Map<String, String> smallImages = Map.of(EmbedderConfig.IMAGE_MAX_PIXELS.name(), Integer.toString(64 * 64));
        try (EmbedderHarness h = new EmbedderHarness(stateDir, smallImages);
             EmbedderService service = h.start()) {
            h.send("corrupt", encode(event("corrupt", GalleryFixtures.truncatedPng(1), 10)), 10);
            BufferedImage large = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
            h.send("oversized", encode(event("oversized", png(large), 11)), 11);
            h.send("garbage", "{\"schema\":1,".getBytes(), 12);
            for (int i = 0; i < 20; i++) {
                h.send(id(i), tileEvent(i, 100 + i), 100 + i);
            }
            h.flush();
            await("20 good documents", () -> h.documentCount() == 20);

            Map<String, String> letters = h.readAll(h.topics().deadLetters()).stream().collect(Collectors.toMap(
                    r -> new String(r.key()), r -> EmbedderHarness.stage(r) + " " + EmbedderHarness.reason(r)));
            assertThat(letters).hasSize(3);
            assertThat(letters.get("corrupt")).startsWith("image CORRUPT");
            assertThat(letters.get("oversized")).startsWith("image TOO_MANY_PIXELS");
            assertThat(letters.get("garbage")).startsWith("decode").contains("not valid JSON");
        }
    }

    /**
     * An image flushed before the next commit never reaches the pending store's changelog: the store's cache takes
     * the put and the delete, and only the tombstone is logged. Each image used to be copied into the changelog whole
     * (~17 KB for a small PNG), and the broker and RocksDB paid for every copy. Commits are 5 s apart here so that
     * every batch is flushed (full, or by the 50 ms linger) well before the first one.
     */
    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void imagesFlushedBeforeACommitAreNotCopiedIntoTheChangelog() {
        int images = 100;
        Map<String, String> slowCommits = Map.of(
                KafkaConfig.CLIENT_PREFIX + "." + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "5000");
        try (EmbedderHarness h = new EmbedderHarness(stateDir, slowCommits);
             EmbedderService service = h.start()) {
            sendImages(h, 0, images);
            await(images + " documents", () -> h.documentCount() == images);

            String changelog = EmbedderConfig.from(h.settings()).applicationId() + "-" + EmbedderTopology.PENDING_STORE
                    + "-changelog";
            List<ConsumerRecord<byte[], byte[]>> logged = h.readAll(changelog);
            assertThat(logged).as("the changelog's records").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.value()).as("image %s copied into the changelog", new String(r.key()))
                            .isNull());
        }
    }

    /**
     * The first instance dies in the middle of a batch (an Error out of the encoder, as an out-of-memory would): its
     * open transaction is aborted, never committed. A second instance on another state dir (another machine) takes
     * over from the committed offsets and the changelogged pending batches. The crash comes at a known point, not
     * after a sleep: the first half is committed in full, then the first batch of the second half crashes.
     */
    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void aSecondInstanceAfterACrashLosesNothingAndDuplicatesNothing(@TempDir Path scratch) {
        int images = 600;
        int committedBeforeCrash = images / 2;
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of())) {
            EmbedderConfig config = EmbedderConfig.from(h.settings());
            TopicSetup.ensure(config.kafka(), config.topics());
            AtomicBoolean armed = new AtomicBoolean();
            try (KafkaStreams crashing = crashingInstance(config, armed)) {
                sendImages(h, 0, committedBeforeCrash);
                await("the first half committed", () -> h.readAll(h.topics().vectors()).size() == committedBeforeCrash);
                armed.set(true);
                sendImages(h, committedBeforeCrash, images);
                await("the first instance crashed", () -> crashing.state() == KafkaStreams.State.ERROR);
            }
            assertThat(h.readAll(h.topics().vectors())).as("committed when it crashed").hasSize(committedBeforeCrash);

            try (EmbedderService second = h.start(Map.of(EmbedderConfig.STATE_DIR.name(), scratch.toString()))) {
                await(images + " documents", () -> h.documentCount() == images);
            }

            List<ConsumerRecord<byte[], byte[]>> vectors = h.readAll(h.topics().vectors());
            VectorEventCodec codec = new VectorEventCodec();
            assertThat(vectors).extracting(r -> codec.decode(r.value()).id()).doesNotHaveDuplicates().hasSize(images);
        }
    }

    private static void sendImages(EmbedderHarness h, int from, int to) {
        for (int i = from; i < to; i++) {
            h.send(id(i), tileEvent(i, 10 + i), 10 + i);
        }
        h.flush();
    }

    /** An embedder whose encoder throws on the first batch it gets once {@code armed}. */
    private static KafkaStreams crashingInstance(EmbedderConfig config, AtomicBoolean armed) {
        ImageEncoder crashing = new ImageEncoder() {
            @Override
            public int dimension() {
                return RUNTIME.dimension();
            }

            @Override
            public List<float[]> encode(List<BufferedImage> images) {
                if (armed.get()) {
                    throw new OutOfMemoryError("simulated crash in the middle of a batch");
                }
                return RUNTIME.images().encode(images);
            }

            @Override
            public void close() {
            }
        };
        ImageLoader loader = new ImageLoader(new ImageSource(List.of(), config.limits().maxBytes()), config.limits());
        KafkaStreams streams = new KafkaStreams(EmbedderTopology.build(config.topics(), loader, crashing,
                RUNTIME.packId(), config.batch(), new EmbedderMetrics()), StreamsProperties.of(config));
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();
        return streams;
    }
}
