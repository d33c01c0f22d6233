package io.cirstream.contract.topic;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The producer settings and topic settings every ingest path uses, in one place. Records are keyed by image
 * (or query) id and compacted, so the latest upsert or tombstone per id is what a re-reader sees.
 */
public final class KafkaSetup {
    /** Room for the largest inline image, base64-encoded, plus its metadata. */
    public static final int MAX_RECORD_BYTES = 12 * 1024 * 1024;
    private static final Duration LEADER_WAIT = Duration.ofSeconds(60);

    private KafkaSetup() {
    }

    /** Idempotent, acks=all, one request in flight: a retried send never duplicates or reorders a gallery change. */
    public static KafkaProducer<String, byte[]> producer(KafkaConfig kafka, String clientId) {
        Map<String, Object> props = kafka.clientConfig(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                // One request in flight: on a partition the broker has only just opened, a first batch can be refused
                // (not leader yet) while the next one is appended; the retried first batch then carries a sequence
                // the broker has passed and is refused as out of order until delivery.timeout.ms (120 s) ends it.
                // Seen in the tests' broker log as OutOfOrderSequenceException "0 (incoming), 7 (current end)".
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates the missing topics (compacted, sized for inline images); existing ones are left as they are. */
    public static void ensureTopics(KafkaConfig kafka, Collection<String> topics) {
        ensureTopics(kafka, topics, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    /** Creates the missing topics with the given cleanup policy, sized for inline images; existing ones are kept. */
    public static void ensureTopics(KafkaConfig kafka, Collection<String> topics, String cleanupPolicy) {
        Map<String, String> configs = new HashMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES)));
        if (kafka.minInsyncReplicas() > 0) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(kafka.minInsyncReplicas()));
        }
        List<NewTopic> wanted = topics.stream()
                .map(name -> new NewTopic(name, kafka.partitions(), kafka.replicationFactor()).configs(configs))
                .toList();
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            for (var entry : admin.createTopics(wanted).values().entrySet()) {
                awaitCreated(entry.getKey(), entry.getValue());
            }
            awaitLeaders(admin, topics);
        }
    }

    /**
     * A created topic's partitions get their leader a moment later. A producer that fetches metadata in between
     * caches leaderless partitions and holds their batches until its next refresh; waiting here means the first
     * metadata every client sees is complete.
     */
    private static void awaitLeaders(Admin admin, Collection<String> topics) {
        long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
        try {
            while (!haveLeaders(admin, topics)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions of " + topics + " have no leader after "
                            + LEADER_WAIT.toSeconds() + " s; is the Kafka broker healthy?");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topic leaders", e);
        }
    }

    /** Whether every partition of the topics has a leader; false while a topic is not known yet. */
    private static boolean haveLeaders(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("cannot describe topics " + topics + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static void awaitCreated(String topic, org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
