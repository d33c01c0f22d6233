package io.cirstream.query.watch;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.testkit.Await;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: the watch feed reads the exactly-once vectors topic; an aborted transaction's vector is never seen. */
@IntegrationTest
class VectorFeedIsolationIntegrationTest {

    @Test
    void aVectorFromAnAbortedTransactionNeverReachesTheHub() throws Exception {
        String topic = LocalInfra.uniqueName("feed-iso");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 1, (short) 1);
        try (VectorFeed feed = new VectorFeed(kafka, topic, (key, value) -> {
            seen.add(key);
            return Optional.empty();
        }, new WatchHub(1)).start()) {
            Await.until("the feed positioned", Duration.ofSeconds(60), feed::ready);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, LocalInfra.uniqueName("feed-iso-tx")),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "aborted", new byte[]{1})).get(30, TimeUnit.SECONDS);
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "committed", new byte[]{2}));
                producer.commitTransaction();
            }
            // Records arrive in offset order: once "committed" is seen, "aborted" (an earlier offset) was skipped.
            String first = seen.poll(60, TimeUnit.SECONDS);
            assertThat(first).isEqualTo("committed");
            assertThat(seen).doesNotContain("aborted");
        }
    }
}
