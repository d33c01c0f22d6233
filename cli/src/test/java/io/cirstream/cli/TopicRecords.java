package io.cirstream.cli;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How many records a topic holds, from its offsets; bounded waits, 0 for a topic that does not exist. */
final class TopicRecords {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TopicRecords() {
    }

    /** Offset span summed over partitions: exact for topics written without transactions, as ingest and replay write. */
    static long count(KafkaConfig kafka, String topic) {
        try (var consumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.listTopics(WAIT).get(topic);
            if (infos == null) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, WAIT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }
}
