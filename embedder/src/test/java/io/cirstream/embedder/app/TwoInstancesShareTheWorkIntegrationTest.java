package io.cirstream.embedder.app;

import io.cirstream.contract.topic.TopicSetup;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.embedder.stream.EmbedderTopology;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two embedder instances (as on two machines: own state dir, own static member name) started together on a backlog
 * both get stream tasks and both embed images; together they index every image exactly once. An earlier run left
 * every task on the first instance, so the second one embedded nothing.
 */
@IntegrationTest
class TwoInstancesShareTheWorkIntegrationTest {
    private static final int BACKLOG = 600;
    /** Changelog records per partition: past Kafka Streams' default acceptable.recovery.lag of 10,000. */
    private static final int LONG_CHANGELOG = 10_500;

    @TempDir
    Path dir;

    @Test
    void twoInstancesStartedTogetherOnABacklogBothEmbed() {
        try (EmbedderHarness h = new EmbedderHarness(dir.resolve("state-a"), Map.of(
                EmbedderConfig.BATCH_SIZE.name(), "8",
                EmbedderConfig.METRICS_PORT.name(), "0"))) {
            EmbedderConfig config = EmbedderConfig.from(h.settings());
            TopicSetup.ensure(config.kafka(), config.topics());
            try (EmbedderService a = h.start(Map.of(EmbedderConfig.INSTANCE_ID.name(), "embedder-a"));
                 EmbedderService b = h.start(Map.of(EmbedderConfig.INSTANCE_ID.name(), "embedder-b",
                         EmbedderConfig.STATE_DIR.name(), dir.resolve("state-b").toString()))) {
                // The backlog goes in once both hold tasks: started one after the other on a busy machine, the first
                // could otherwise drain a small backlog alone before the group has rebalanced, which says nothing.
                await("both instances hold stream tasks", () -> a.activeTasks() > 0 && b.activeTasks() > 0);
                sendImages(h, 0, BACKLOG);
                await("all " + BACKLOG + " images indexed by the two instances", () -> h.documentCount() == BACKLOG);
                long byA = a.metrics().snapshot().recordsIn();
                long byB = b.metrics().snapshot().recordsIn();
                System.out.printf("two instances on a %d-image backlog: a read %d records, b read %d%n", BACKLOG, byA, byB);
                assertThat(byA).as("records the first instance read").isPositive();
                assertThat(byB).as("records the second instance read").isPositive();
            }
            VectorEventCodec codec = new VectorEventCodec();
            assertThat(h.readAll(h.topics().vectors())).as("committed vectors, one per image")
                    .extracting(r -> codec.decode(r.value()).id()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, BACKLOG).mapToObj(GalleryFixtures::id).toList());
        }
    }

    /**
     * A second instance added to a deployment that has been running a while gets stream tasks at once. Kafka Streams
     * counts a new instance's lag on the pending-batch changelog as that changelog's end offset (two records per image
     * ever embedded, whatever compaction removed); past {@code acceptable.recovery.lag} (10,000 by default) the new
     * instance got only warm-up copies and its first task at the next probing rebalance, ten minutes later. The
     * changelog here is made long up front with tombstones, as 5,000 embedded images per partition would leave it.
     */
    @Test
    void aSecondInstanceAddedToALongRunningDeploymentGetsTasksAtOnce() throws Exception {
        try (EmbedderHarness h = new EmbedderHarness(dir.resolve("state-a"), Map.of(
                EmbedderConfig.BATCH_SIZE.name(), "8",
                EmbedderConfig.METRICS_PORT.name(), "0"))) {
            EmbedderConfig config = EmbedderConfig.from(h.settings());
            TopicSetup.ensure(config.kafka(), config.topics());
            String changelog = config.applicationId() + "-" + EmbedderTopology.PENDING_STORE + "-changelog";
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()));
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                         ProducerConfig.LINGER_MS_CONFIG, 20), new ByteArraySerializer(), new ByteArraySerializer())) {
                admin.createTopics(List.of(new NewTopic(changelog, config.kafka().partitions(), (short) 1)
                        .configs(Map.of("cleanup.policy", "compact")))).all().get(1, TimeUnit.MINUTES);
                for (int p = 0; p < config.kafka().partitions(); p++) {
                    for (int i = 0; i < LONG_CHANGELOG; i++) {
                        producer.send(new ProducerRecord<>(changelog, p, ("old-" + i).getBytes(StandardCharsets.UTF_8), null));
                    }
                }
                producer.flush();
            }
            sendImages(h, 0, 30);
            try (EmbedderService a = h.start(Map.of(EmbedderConfig.INSTANCE_ID.name(), "embedder-a"))) {
                await("the first instance embedding", () -> h.documentCount() == 30);
                try (EmbedderService b = h.start(Map.of(EmbedderConfig.INSTANCE_ID.name(), "embedder-b",
                        EmbedderConfig.STATE_DIR.name(), dir.resolve("state-b").toString()))) {
                    int[] sent = {30};
                    await("the instance added later reading records", () -> {
                        sendImages(h, sent[0], sent[0] + 4); // a trickle, so there is always work for b's tasks
                        sent[0] += 4;
                        return b.metrics().snapshot().recordsIn() > 0;
                    });
                    System.out.printf("instance added to a running deployment: a read %d records, b read %d%n",
                            a.metrics().snapshot().recordsIn(), b.metrics().snapshot().recordsIn());
                }
            }
        }
    }

    private static void sendImages(EmbedderHarness h, int from, int to) {
        for (int i = from; i < to; i++) {
            h.send(id(i), tileEvent(i, 10 + i), 10 + i);
        }
        h.flush();
    }
}
