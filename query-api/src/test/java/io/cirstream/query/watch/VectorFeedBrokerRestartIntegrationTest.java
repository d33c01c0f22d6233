package io.cirstream.query.watch;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.testkit.Await;
import io.cirstream.testkit.InfraControl;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the watch feed across a broker restart. Vectors written just before the broker stops and right after it
 * is back are each seen exactly once: the feed keeps its own positions instead of rejoining a consumer group that
 * starts over at the latest offsets.
 */
@IntegrationTest
class VectorFeedBrokerRestartIntegrationTest {
    private static final KafkaConfig KAFKA = new KafkaConfig(LocalInfra.kafkaBootstrap(), 3, (short) 1);

    @Test
    void noVectorIsSkippedOrRepeatedAcrossABrokerRestart() throws Exception {
        String topic = LocalInfra.uniqueName("feed-restart");
        try (Admin admin = Admin.create(KAFKA.clientConfig(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (VectorFeed feed = new VectorFeed(KAFKA, topic, (key, value) -> {
            seen.add(key);
            return Optional.empty();
        }, new WatchHub(1)).start()) {
            Await.until("the feed positioned", Duration.ofSeconds(60), feed::ready);
            List<String> sent = new ArrayList<>(send(topic, "before", 30));
            InfraControl.restartKafka();
            sent.addAll(send(topic, "after", 30));

            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                String key = seen.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    received.add(key);
                }
            }
            String extra = seen.poll(2, TimeUnit.SECONDS);
            assertThat(received).as("every vector once").containsExactlyInAnyOrderElementsOf(sent);
            assertThat(extra).as("nothing repeated").isNull();
        }
    }

    private static List<String> send(String topic, String prefix, int count) throws Exception {
        List<String> keys = new ArrayList<>();
        try (var producer = new KafkaProducer<>(KAFKA.clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String key = prefix + "-" + i;
                producer.send(new ProducerRecord<>(topic, i % 3, key, new byte[] {1})).get(60, TimeUnit.SECONDS);
                keys.add(key);
            }
        }
        return keys;
    }
}
