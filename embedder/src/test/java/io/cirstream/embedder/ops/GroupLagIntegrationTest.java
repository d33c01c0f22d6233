package io.cirstream.embedder.ops;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.embedder.stream.EmbedderMetrics;
import io.cirstream.testkit.Await;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lag a paused consumer leaves behind (the sink while OpenSearch is down): its own {@code records-lag} metric
 * stops at the value of its last fetch, the broker's offsets do not.
 */
@IntegrationTest
class GroupLagIntegrationTest {
    private static final KafkaConfig KAFKA = new KafkaConfig(LocalInfra.kafkaBootstrap(), 2, (short) 1);

    @Test
    void lagFromOffsetsKeepsGrowingWhileTheConsumerIsPaused() throws Exception {
        String topic = LocalInfra.uniqueName("lag") + ".vectors";
        String group = LocalInfra.uniqueName("lag-group");
        try (Admin admin = Admin.create(KAFKA.clientConfig(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
        try (var producer = new KafkaProducer<>(KAFKA.clientConfig(Map.of()), new ByteArraySerializer(), new ByteArraySerializer());
             var consumer = new KafkaConsumer<>(KAFKA.clientConfig(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group,
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer());
             GroupLag lag = new GroupLag(KAFKA, group, topic::equals);
             EmbedderMeters meters = new EmbedderMeters(new EmbedderMetrics())) {
            send(producer, topic, 10);
            consumer.assign(partitions);
            int read = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (read < 10 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertThat(read).isEqualTo(10);
            consumer.commitSync();
            consumer.pause(partitions);

            send(producer, topic, 20);
            for (int i = 0; i < 5; i++) {
                assertThat(consumer.poll(Duration.ofMillis(100)).count()).isZero();
            }

            assertThat(clientRecordsLag(consumer)).as("the paused consumer's own metric, the signal operators had")
                    .isZero();
            assertThat(GroupLag.total(lag.measure())).isEqualTo(20);
            assertThat(lag.measure()).extracting(GroupLag.PartitionLag::partition).containsExactly(0, 1);

            meters.trackSinkLag(lag, Duration.ofMinutes(10));
            String scrape = awaitScrape(meters, "cirstream_embedder_sink_lag 20.0");
            assertThat(scrape.lines().filter(l -> l.startsWith("cirstream_embedder_partition_lag{")))
                    .as("one series per partition, the dotted topic name only").hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("topic=\"" + topic + "\""));
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, i % 2, null, new byte[] {(byte) i})).get(30, TimeUnit.SECONDS);
        }
    }

    private static double clientRecordsLag(KafkaConsumer<?, ?> consumer) {
        return consumer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("records-lag") && e.getKey().tags().containsKey("partition"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .filter(v -> !Double.isNaN(v)).sum();
    }

    private static String awaitScrape(EmbedderMeters meters, String line) {
        return Await.until("a scrape with '" + line + "'", Duration.ofSeconds(30), () -> meters.registry().scrape(),
                scrape -> scrape.contains(line));
    }
}
