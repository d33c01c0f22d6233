package io.cirstream.indexer;

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
import io.cirstream.testkit.SecuredOpenSearch;
import io.cirstream.testkit.TestThreads;
import io.cirstream.testkit.TopicContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class VectorIndexerIntegrationTest {
    private static final String MODEL = "m1";

    /** {@code secured}: through the TLS + basic-auth front (infra.sh up opensearch-secure), as on a managed cluster. */
    @ParameterizedTest(name = "secured={0}")
    @ValueSource(booleans = {false, true})
    void indexesDeletesSkipsOtherModelsAndDeadLettersRefusedDocuments(boolean secured) throws Exception {
        String name = LocalInfra.uniqueName("indexer");
        Topics topics = new Topics(name + ".");
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 1, (short) 1);
        try (OpenSearchClient client = secured ? new OpenSearchClient(SecuredOpenSearch.config(name))
                : LocalInfra.openSearch()) {
            String index = GalleryIndexAdmin.ensure(client, name, 2, SpaceType.COSINE, MODEL, IndexSettings.defaults("1s"));
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                send(producer, topics, "a", vector("a", new float[]{1, 0}, MODEL, 10), 10);
                send(producer, topics, "b", vector("b", new float[]{0, 1}, MODEL, 10), 10);
                send(producer, topics, "wrong-dim", vector("wrong-dim", new float[]{1, 0, 0}, MODEL, 10), 10);
                send(producer, topics, "other-model", vector("other-model", new float[]{1, 1}, "m2", 10), 10);
                send(producer, topics, "b", null, 20);
                // The version of an upsert is the event time in its value, not the record timestamp.
                send(producer, topics, "a", vector("a", new float[]{0, 1}, MODEL, 5), 40);
                send(producer, topics, "last", vector("last", new float[]{1, 1}, MODEL, 30), 30);
            }
            IndexerOptions options = new IndexerOptions(name, 100, 1 << 20, Duration.ofMillis(50),
                    Duration.ofSeconds(1), Duration.ofSeconds(10), "");
            VectorIndexer indexer = new VectorIndexer(kafka, topics, client, index, MODEL, options, new IndexerMetrics());
            Thread thread = Thread.ofPlatform().start(indexer);
            try {
                IndexedDocuments.awaitFound(client, name, "last", Duration.ofMinutes(1));
            } finally {
                indexer.close();
                // A clean stop is part of what is checked: a sink that does not stop fails here instead of hanging.
                TestThreads.awaitEnd(thread, Duration.ofSeconds(30));
            }

            client.call("POST", "/" + name + "/_refresh", null);
            assertThat(client.call("GET", "/" + name + "/_count", null).path("count").asLong()).isEqualTo(2);
            var a = client.call("GET", "/" + name + "/_doc/a", null);
            assertThat(a.path("_version").asLong()).isEqualTo(10);
            assertThat(a.path("_source").path("vector").get(0).floatValue()).isEqualTo(1f);
            assertThat(client.send("GET", "/" + name + "/_doc/b", null).status()).isEqualTo(404);
            assertThat(client.send("GET", "/" + name + "/_doc/other-model", null).status()).isEqualTo(404);
            List<ConsumerRecord<byte[], byte[]>> letters = TopicContents.read(topics.deadLetters());
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("wrong-dim");
                assertThat(DeadLetter.stage(letter.headers())).contains("index");
                assertThat(DeadLetter.reason(letter.headers())).get().asString().startsWith("mapper_parsing_exception").contains("[vector]");
            });
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + name + "-v1-*", null);
            }
        }
    }

    private static byte[] vector(String id, float[] v, String model, long eventTime) {
        return new VectorEventCodec().encode(new VectorEvent(id, v, model, ImageMetadata.inCollection("c"), null, null,
                eventTime));
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topics topics, String id, byte[] value,
                             long timestamp) throws Exception {
        producer.send(new ProducerRecord<>(topics.vectors(), 0, timestamp, id.getBytes(StandardCharsets.UTF_8), value))
                .get();
    }
}
