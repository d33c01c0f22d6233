package io.cirstream.indexer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A back-off spent inside the consumer's poll, so the member stays in its group, with every partition paused so the
 * poll takes no records. A rebalance can happen during that poll: partitions it revokes are no longer there to resume,
 * and partitions it assigns are not paused, so their first records can come back from it. Those are handed back
 * (the partition is sought to its first returned record): dropping them would move the position past records never
 * indexed, and the sink's next commit would skip them.
 */
final class PausedPoll {
    private PausedPoll() {
    }

    static void waitFor(Consumer<?, ?> consumer, Duration wait) {
        consumer.pause(consumer.assignment());
        try {
            ConsumerRecords<?, ?> unasked = consumer.poll(wait);
            for (TopicPartition partition : unasked.partitions()) {
                consumer.seek(partition, unasked.records(partition).getFirst().offset());
            }
        } finally {
            // Only what is still assigned: resuming a revoked partition throws.
            Set<TopicPartition> paused = new HashSet<>(consumer.paused());
            paused.retainAll(consumer.assignment());
            consumer.resume(paused);
        }
    }
}
