package io.cirstream.indexer;

import io.cirstream.testkit.DeadLetterReader;

import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression test of issue 12: a document OpenSearch refuses (an id of 200 x '画' is 600 UTF-8 bytes, over the
 * 512-byte {@code _id} limit, and fails the whole bulk with 400) is dead-lettered while the rest of its bulk is
 * indexed, and the sink keeps running. Keys that are not ids and values that are not vectors are dead-lettered too.
 */
@IntegrationTest
class VectorIndexerRobustnessIntegrationTest {
    private static final String MODEL = "m1";
    private static final String LONG_ID = "画".repeat(200);

    @Test
    void documentsOpenSearchRefusesAreDeadLetteredAndTheSinkGoesOn() throws Exception {
        String name = LocalInfra.uniqueName("indexer-robust");
        Topics topics = new Topics(name + ".");
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 1, (short) 1);
        try (OpenSearchClient client = LocalInfra.openSearch();
             var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            String index = GalleryIndexAdmin.ensure(client, name, 2, SpaceType.COSINE, MODEL, IndexSettings.defaults("1s"));
            send(producer, topics, key("a"), vector("a"));
            send(producer, topics, key(LONG_ID), vector(LONG_ID));
            send(producer, topics, key("b"), vector("b"));
            send(producer, topics, new byte[]{(byte) 0xff, (byte) 0xfe}, null);
            send(producer, topics, key("not-json"), "{\"id\":".getBytes(StandardCharsets.UTF_8));
            send(producer, topics, key("mismatch"), vector("c"));
            send(producer, topics, key("c"), vector("c"));
            IndexerOptions options = new IndexerOptions(name, 100, 1 << 20, Duration.ofMillis(200),
                    Duration.ofSeconds(1), Duration.ofSeconds(10), "");
            VectorIndexer indexer = new VectorIndexer(kafka, topics, client, index, MODEL, options,
                    new IndexerMetrics());
            Thread thread = Thread.ofPlatform().start(indexer);
            try {
                IndexedDocuments.awaitFound(client, name, "c", Duration.ofMinutes(1));
                assertThat(thread.isAlive()).as("sink still running after the refused documents").isTrue();
                send(producer, topics, key("after"), vector("after"));
                IndexedDocuments.awaitFound(client, name, "after", Duration.ofMinutes(1));
            } finally {
                indexer.close();
                thread.join(Duration.ofSeconds(30));
            }

            for (String id : List.of("a", "b", "c", "after")) {
                assertThat(client.send("GET", "/" + name + "/_doc/" + id, null).status()).as(id).isEqualTo(200);
            }
            List<ConsumerRecord<byte[], byte[]>> letters = DeadLetterReader.readToEnd(topics.deadLetters());
            assertThat(letters).allSatisfy(l -> assertThat(DeadLetter.stage(l.headers())).contains("index"));
            assertThat(letters).extracting(l -> DeadLetter.reason(l.headers()).orElseThrow())
                    .hasSize(4)
                    .anySatisfy(r -> assertThat(r).contains("id").contains("512"))
                    .anySatisfy(r -> assertThat(r).contains("not valid UTF-8"))
                    .anySatisfy(r -> assertThat(r).contains("not a vector event"))
                    .anySatisfy(r -> assertThat(r).contains("does not match"));
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + name + "-v1-*", null);
            }
        }
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** Built as JSON text, so it reaches the sink even where the id rules would refuse to construct it. */
    private static byte[] vector(String id) {
        String json = new String(new VectorEventCodec().encode(new VectorEvent("placeholder", new float[]{1, 0.5f},
                MODEL, ImageMetadata.inCollection("c"), null, null, 10)), StandardCharsets.UTF_8);
        return json.replace("\"placeholder\"", "\"" + id + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topics topics, byte[] key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topics.vectors(), 0, System.currentTimeMillis(), key, value)).get();
    }
}
