package io.cirstream.indexer;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.testkit.Await;
import io.cirstream.testkit.DeadLetterReader;
import io.cirstream.testkit.GroupOffsets;
import io.cirstream.testkit.InfraControl;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kafka outage that begins while the sink holds a fetched bulk: the bulk reaches OpenSearch, which refuses one
 * document of it, but the bulk's offsets and that document's dead letter cannot be written until Kafka is back. Kafka's clients give up on such calls after their API timeout
 * (60 s by default; 3 s here, through the pass-through client settings), and the sink used to die of the commit's
 * {@code TimeoutException}, taking the embedder with it, and to commit past a dead letter it could not write. Both now
 * wait for Kafka, and the sink goes on once it is back.
 */
@IntegrationTest
class VectorIndexerKafkaOutageIntegrationTest {
    private static final String MODEL = "m1";
    private static final Map<String, String> SHORT_KAFKA_TIMEOUTS = Map.of("default.api.timeout.ms", "3000",
            "request.timeout.ms", "2000", "delivery.timeout.ms", "3000", "linger.ms", "0");

    @Test
    void aBulkCaughtByAKafkaOutageIsCommittedWithItsDeadLetterOnceKafkaIsBack() throws Exception {
        String name = LocalInfra.uniqueName("indexer-outage");
        Topics topics = new Topics(name + ".");
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 1, (short) 1, SHORT_KAFKA_TIMEOUTS);
        TopicPartition partition = new TopicPartition(topics.vectors(), 0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (OpenSearchClient client = LocalInfra.openSearch()) {
            String index = GalleryIndexAdmin.ensure(client, name, 2, SpaceType.COSINE, MODEL, IndexSettings.defaults("1s"));
            send(topics, "a", vector("a", new float[]{1, 0.5f}));
            // Three dimensions for a two-dimensional index: OpenSearch refuses it in the bulk, so its dead letter is
            // written at the flush, while Kafka is down.
            send(topics, "wrong-dimension", vector("wrong-dimension", new float[]{1, 0.5f, 0.25f}));
            send(topics, "b", vector("b", new float[]{1, 0.5f}));
            // A long linger: the bulk is fetched before Kafka stops and sent to OpenSearch while it is down.
            IndexerOptions options = new IndexerOptions(name, 100, 1 << 20, Duration.ofSeconds(20),
                    Duration.ofSeconds(1), Duration.ofSeconds(10), "");
            VectorIndexer sink = new VectorIndexer(kafka, topics, client, index, MODEL, options, new IndexerMetrics());
            IndexerRunner runner = IndexerRunner.start(sink, failure::set, "outage-sink");
            try {
                awaitAssigned(name);
                Thread.sleep(1_000);
                InfraControl.stopKafka();
                try {
                    IndexedDocuments.awaitFound(client, name, "b", Duration.ofMinutes(2));
                    Thread.sleep(8_000);
                    assertThat(failure.get()).as("the sink while Kafka is down").isNull();
                    assertThat(runner.running()).isTrue();
                } finally {
                    InfraControl.startKafka();
                }
                send(topics, "after", vector("after", new float[]{1, 0.5f}));
                IndexedDocuments.awaitFound(client, name, "after", Duration.ofMinutes(2));
                GroupOffsets.await(name, "offset 4 on " + partition, Duration.ofSeconds(60),
                        committed -> committed.getOrDefault(partition, -1L) >= 4);
                assertThat(failure.get()).as("the sink after Kafka is back").isNull();
                assertThat(runner.running()).isTrue();
            } finally {
                runner.close();
            }
            assertThat(DeadLetterReader.readToEnd(topics.deadLetters()))
                    .as("the dead letter written while Kafka was down, once")
                    .singleElement()
                    .satisfies(l -> assertThat(new String(l.key(), StandardCharsets.UTF_8)).isEqualTo("wrong-dimension"))
                    .satisfies(l -> assertThat(DeadLetter.reason(l.headers())).get().asString().contains("dimension"));
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + name + "-v1-*", null);
            }
        }
    }

    private static byte[] vector(String id, float[] values) {
        return new VectorEventCodec().encode(new VectorEvent(id, values, MODEL, ImageMetadata.inCollection("c"), null,
                null, 10));
    }

    private static void send(Topics topics, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.vectors(), 0, key.getBytes(StandardCharsets.UTF_8), value))
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", LocalInfra.kafkaBootstrap()));
    }

    private static void awaitAssigned(String group) {
        try (Admin admin = admin()) {
            Await.until("the sink's group " + group + " to get its partition", Duration.ofSeconds(60), () -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                        .get(30, TimeUnit.SECONDS).get(group);
                return description.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }
}
