package io.cirstream.indexer;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.testkit.GroupOffsets;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.testkit.TestThreads;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vectors topic is written in transactions, so its log holds commit markers and aborted records that the sink
 * never receives. A caught-up sink must still commit up to the end of the log, or its group lag (what operators and
 * the embedder's metrics watch) stays above zero for good.
 */
@IntegrationTest
class VectorIndexerOffsetsIntegrationTest {
    private static final String MODEL = "m1";

    @Test
    void aCaughtUpSinkCommitsPastCommitMarkersAndAbortedRecords() throws Exception {
        String name = LocalInfra.uniqueName("offsets");
        Topics topics = new Topics(name + ".");
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 1, (short) 1);
        List<TopicPartition> partitions = List.of(new TopicPartition(topics.vectors(), 0),
                new TopicPartition(topics.vectors(), 1));
        try (OpenSearchClient client = LocalInfra.openSearch();
             Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topics.vectors(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            String index = GalleryIndexAdmin.ensure(client, name, 2, SpaceType.COSINE, MODEL, IndexSettings.defaults("1s"));
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, name + "-tx"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.initTransactions();
                transaction(producer, topics, true, "a", "b", "c");
                transaction(producer, topics, false, "aborted-1", "aborted-2");
                transaction(producer, topics, true, "d");
                // The log ends with an aborted transaction on both partitions: records the sink never sees.
                transaction(producer, topics, false, "aborted-3", "aborted-4");
            }
            IndexerOptions options = new IndexerOptions(name, 100, 1 << 20, Duration.ofMillis(50),
                    Duration.ofSeconds(1), Duration.ofSeconds(10), "");
            VectorIndexer indexer = new VectorIndexer(kafka, topics, client, index, MODEL, options, new IndexerMetrics());
            Thread thread = Thread.ofPlatform().start(indexer);
            try {
                Map<TopicPartition, Long> end = logEnd(admin, partitions);
                GroupOffsets.await(name, "the end of the log " + end, Duration.ofSeconds(60), end::equals);
            } finally {
                indexer.close();
                TestThreads.awaitEnd(thread, Duration.ofSeconds(30));
            }
            client.call("POST", "/" + name + "/_refresh", null);
            assertThat(client.call("GET", "/" + name + "/_count", null).path("count").asLong())
                    .as("only the committed transactions' vectors").isEqualTo(4);
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + name + "-v1-*", null);
            }
        }
    }

    private static void transaction(KafkaProducer<byte[], byte[]> producer, Topics topics, boolean commit,
                                    String... ids) throws Exception {
        producer.beginTransaction();
        for (int i = 0; i < ids.length; i++) {
            byte[] value = new VectorEventCodec().encode(new VectorEvent(ids[i], new float[]{1, i}, MODEL,
                    ImageMetadata.inCollection("c"), null, null, 10));
            producer.send(new ProducerRecord<>(topics.vectors(), i % 2, 10L, ids[i].getBytes(StandardCharsets.UTF_8),
                    value)).get();
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static Map<TopicPartition, Long> logEnd(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(30, TimeUnit.SECONDS).forEach((p, info) -> end.put(p, info.offset()));
        return end;
    }
}
