package io.cirstream.infratests;

import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.testkit.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 3-broker cluster loses a broker, stopped or crashed, and the clients go on: an idempotent acks=all producer keeps writing to a
 * replication-3 topic (min ISR 2), a reader gets every record exactly once, and the restarted broker catches up.
 */
@ExtendWith(ClusterExtension.class)
@IntegrationTest
class KafkaClusterFailoverIntegrationTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int VICTIM = 2;
    private static final int PER_PHASE = 300;

    @ParameterizedTest(name = "crash = {0}")
    @ValueSource(booleans = {false, true})
    void producingAndConsumingSurviveALostBroker(boolean crash) throws Exception {
        String topic = LocalInfra.uniqueName("cluster-kafka");
        String bootstrap = ClusterInfra.kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaProducer<String, String> producer = producer(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
            send(producer, topic, 0, PER_PHASE);

            try {
                ClusterInfra.stopNode("kafka", VICTIM, crash);
                long stopped = System.nanoTime();
                List<Long> ackedAt = send(producer, topic, PER_PHASE, PER_PHASE);
                System.out.printf("kafka: broker %d %s; every partition took writes again after %.1f s%n",
                        VICTIM, crash ? "killed" : "stopped", (ackedAt.stream().mapToLong(Long::longValue).max().orElseThrow() - stopped) / 1e9);
                assertExactlyOnce(bootstrap, topic, 2 * PER_PHASE);
            } finally {
                ClusterInfra.startNode("kafka", VICTIM);
            }

            long restarted = System.nanoTime();
            Await.until(LIMIT, "broker " + VICTIM + " back in every partition's ISR", () -> describe(admin, topic),
                    d -> d.partitions().stream().allMatch(p -> p.isr().size() == 3));
            System.out.printf("kafka: all replicas in sync %.1f s after broker %d was back%n",
                    (System.nanoTime() - restarted) / 1e9, VICTIM);
            send(producer, topic, 2 * PER_PHASE, PER_PHASE);
            assertExactlyOnce(bootstrap, topic, 3 * PER_PHASE);
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) LIMIT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    /** Sends values from..from+count-1 (key = value, spread over every partition); returns when each was acked. */
    private static List<Long> send(KafkaProducer<String, String> producer, String topic, int from, int count)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Long> ackedAt = Collections.synchronizedList(new ArrayList<>());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i), Integer.toString(i)),
                    (metadata, error) -> ackedAt.add(System.nanoTime())));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            f.get(LIMIT.toSeconds(), TimeUnit.SECONDS); // throws if a record was not written
        }
        return ackedAt;
    }

    private static void assertExactlyOnce(String bootstrap, String topic, int expected) {
        List<String> values = TopicContents.read(bootstrap, topic, new StringDeserializer(), new StringDeserializer())
                .stream().map(ConsumerRecord::value).toList();
        Set<String> distinct = Set.copyOf(values);
        assertThat(values).as("no duplicate").hasSize(distinct.size());
        assertThat(distinct).as("nothing lost")
                .isEqualTo(IntStream.range(0, expected).mapToObj(Integer::toString).collect(Collectors.toSet()));
    }

    private static TopicDescription describe(Admin admin, String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
