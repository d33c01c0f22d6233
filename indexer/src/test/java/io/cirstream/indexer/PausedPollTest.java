package io.cirstream.indexer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A back-off's paused poll across a rebalance (found by VectorIndexerKafkaOutageIntegrationTest after a restart). */
class PausedPollTest {
    private static final TopicPartition P0 = new TopicPartition("v", 0);
    private static final TopicPartition P1 = new TopicPartition("v", 1);

    private static MockConsumer<String, String> consumerOwning(TopicPartition... partitions) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.subscribe(List.of("v"));
        consumer.rebalance(List.of(partitions));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        return consumer;
    }

    @Test
    void aPartitionRevokedDuringTheWaitIsNotResumedAndTheOthersAre() {
        MockConsumer<String, String> consumer = consumerOwning(P0, P1);
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0)));

        PausedPoll.waitFor(consumer, Duration.ofMillis(1));

        assertThat(consumer.assignment()).containsExactly(P0);
        // (MockConsumer still lists the revoked P1 as paused; a real consumer forgets a revoked partition's pause.)
        assertThat(consumer.paused()).as("the partition kept is resumed").doesNotContain(P0);
    }

    @Test
    void recordsOfAPartitionAssignedDuringTheWaitAreReadAgainNotSkipped() {
        MockConsumer<String, String> consumer = consumerOwning(P0);
        consumer.addRecord(new ConsumerRecord<>("v", 0, 0, "a", "held back by the pause"));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            consumer.addRecord(new ConsumerRecord<>("v", 1, 0, "b", "from the new partition"));
            consumer.addRecord(new ConsumerRecord<>("v", 1, 1, "c", "from the new partition"));
        });

        PausedPoll.waitFor(consumer, Duration.ofMillis(1));

        // An eager rebalance re-assigns P0 too, unpaused, so its record came back from the wait as well.
        assertThat(consumer.position(P0)).as("positions given back").isZero();
        assertThat(consumer.position(P1)).isZero();
        assertThat(consumer.paused()).isEmpty();
        // MockConsumer hands a record out once; a real consumer fetches again from the position.
        consumer.addRecord(new ConsumerRecord<>("v", 0, 0, "a", "held back by the pause"));
        consumer.addRecord(new ConsumerRecord<>("v", 1, 0, "b", "from the new partition"));
        consumer.addRecord(new ConsumerRecord<>("v", 1, 1, "c", "from the new partition"));
        ConsumerRecords<String, String> next = consumer.poll(Duration.ofMillis(1));
        assertThat(next.records(P1)).extracting(ConsumerRecord::key).containsExactly("b", "c");
        assertThat(next.records(P0)).extracting(ConsumerRecord::key).containsExactly("a");
    }
}
