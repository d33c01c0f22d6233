package io.cirstream.embedder.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.testkit.DeadLetterReader;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 against the real broker and OpenSearch: on every partition of a three-partition gallery topic a batch of
 * hostile records sits between good images. Every good image is indexed, every hostile record ends as exactly one
 * outcome (a dead letter, or for the ones today's event rules still admit, a document), the clearly bad ones as
 * exactly one dead letter, and the embedder is still running afterwards.
 */
@IntegrationTest
class EmbedderHostileRecordsIntegrationTest {
    private static final int PARTITIONS = 3;
    private static final int GOOD_PER_SIDE = 4;

    @TempDir
    Path stateDir;
    @TempDir
    Path images;

    /** A hostile record; {@code mustDeadLetter} false where today's rules may still let it through to the index. */
    private record Hostile(String id, byte[] value, boolean mustDeadLetter) {
    }

    @Test
    void hostileRecordsOnEveryPartitionAreDeadLetteredAndEveryGoodImageIsIndexed() throws Exception {
        Path zero = Files.createSymbolicLink(images.resolve("zero.png"), Path.of("/dev/zero"));
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of(EmbedderConfig.IMAGE_ROOTS.name(),
                images.toString()));
             EmbedderService service = h.start();
             var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            List<String> good = new ArrayList<>();
            List<Hostile> hostile = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (int p = 0; p < PARTITIONS; p++) {
                for (int i = 0; i < GOOD_PER_SIDE * 2; i++) {
                    if (i == GOOD_PER_SIDE) {
                        for (Hostile bad : hostileBatch(p, zero, now)) {
                            hostile.add(bad);
                            send(producer, h, p, bad.id(), bad.value());
                        }
                    }
                    String id = "good-" + p + "-" + i;
                    good.add(id);
                    send(producer, h, p, id, encode(GalleryFixtures.event(id,
                            GalleryFixtures.png(GalleryFixtures.tile(p * 100 + i)), now - i)));
                }
            }
            producer.flush();

            await("every good image indexed and every hostile record accounted for", () ->
                    indexedIds(h).containsAll(good) && outcomes(h, hostile).values().stream().allMatch(n -> n >= 1));

            Set<String> indexed = indexedIds(h);
            assertThat(indexed).containsAll(good);
            Map<String, Integer> letters = deadLetterCounts(h);
            for (Hostile bad : hostile) {
                int dead = letters.getOrDefault(bad.id(), 0);
                int docs = indexed.contains(bad.id()) ? 1 : 0;
                assertThat(dead + docs).as("outcomes of " + bad.id()).isEqualTo(1);
                if (bad.mustDeadLetter()) {
                    assertThat(dead).as("dead letters of " + bad.id()).isEqualTo(1);
                }
            }
            assertThat(service.streamState()).contains(KafkaStreams.State.RUNNING);
            assertThat(service.sinkRunning()).isTrue();
        }
    }

    private static List<Hostile> hostileBatch(int p, Path zero, long now) {
        List<Hostile> batch = new ArrayList<>();
        batch.add(new Hostile("future-" + p, event("future-" + p, inlineTile(p), now + 86_400_000L * 30), false));
        batch.add(new Hostile("max-time-" + p, event("max-time-" + p, inlineTile(p), Long.MAX_VALUE), false));
        // 598 UTF-8 bytes: OpenSearch refuses the _id, so the edge or the sink must dead-letter it.
        String longId = "画".repeat(199) + p;
        batch.add(new Hostile(longId, new String(event("placeholder", inlineTile(p), now),
                StandardCharsets.UTF_8).replace("placeholder", longId).getBytes(StandardCharsets.UTF_8), true));
        batch.add(new Hostile("authority-" + p,
                GalleryFixtures.rawUriEvent("authority-" + p, "file://localhost/etc/passwd", now), true));
        batch.add(new Hostile("dotdot-" + p, GalleryFixtures.rawUriEvent("dotdot-" + p, "file://../../x", now), true));
        batch.add(new Hostile("dev-zero-" + p, event("dev-zero-" + p, ImageRef.uri(zero.toUri(), "image/png"), now),
                true));
        batch.add(new Hostile("corrupt-" + p, event("corrupt-" + p,
                ImageRef.inline(GalleryFixtures.truncatedPng(p), "image/png"), now), true));
        batch.add(new Hostile("garbage-" + p, "{\"schema\":1,".getBytes(StandardCharsets.UTF_8), true));
        return batch;
    }

    private static ImageRef inlineTile(int index) {
        return ImageRef.inline(GalleryFixtures.png(GalleryFixtures.tile(index)), "image/png");
    }

    private static byte[] event(String id, ImageRef image, long eventTime) {
        return json(GalleryEvent.upsert("placeholder", image, ImageMetadata.inCollection("c"), 1))
                .replace("\"placeholder\"", "\"" + id + "\"").replace("\"eventTime\":1,", "\"eventTime\":" + eventTime + ",")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String json(GalleryEvent event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, EmbedderHarness h, int partition, String id,
                             byte[] value) {
        producer.send(new ProducerRecord<>(h.topics().gallery(), partition, id.getBytes(StandardCharsets.UTF_8), value));
    }

    private static Set<String> indexedIds(EmbedderHarness h) {
        if (!h.openSearch().send("POST", "/" + h.alias() + "/_refresh", null).ok()) {
            return Set.of();
        }
        JsonNode hits = h.openSearch().call("POST", "/" + h.alias() + "/_search",
                "{\"size\":1000,\"_source\":false,\"query\":{\"match_all\":{}}}").path("hits").path("hits");
        Set<String> ids = new HashSet<>();
        hits.forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    private static Map<String, Integer> deadLetterCounts(EmbedderHarness h) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : DeadLetterReader.readToEnd(h.topics().deadLetters())) {
            assertThat(DeadLetter.stage(letter.headers())).isPresent();
            counts.merge(letter.key() == null ? "" : new String(letter.key(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> outcomes(EmbedderHarness h, List<Hostile> hostile) {
        Set<String> indexed = indexedIds(h);
        Map<String, Integer> letters = deadLetterCounts(h);
        Map<String, Integer> out = new HashMap<>();
        for (Hostile bad : hostile) {
            out.put(bad.id(), letters.getOrDefault(bad.id(), 0) + (indexed.contains(bad.id()) ? 1 : 0));
        }
        return out;
    }
}
