package io.cirstream.indexer;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdlePositionsTest {
    private static final TopicPartition P0 = new TopicPartition("v", 0);
    private static final TopicPartition P1 = new TopicPartition("v", 1);

    /** Counts commits: an idle sink polls every 50 ms, and must not commit each time. */
    private static final class CountingConsumer extends MockConsumer<byte[], byte[]> {
        int commits;
        /** Partitions whose position is still being fetched: {@code position} times out for them. */
        Set<TopicPartition> initialising = Set.of();

        CountingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized long position(TopicPartition partition, Duration timeout) {
            if (initialising.contains(partition)) {
                throw new TimeoutException("position of " + partition + " not known yet");
            }
            return super.position(partition, timeout);
        }

        /** Positions the consumer in P0 and P1. */
        CountingConsumer at(long p0, long p1) {
            seek(P0, p0);
            seek(P1, p1);
            return this;
        }

        /** MockConsumer's commitSync with a timeout comes here too. */
        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            commits++;
            super.commitSync(offsets);
        }
    }

    @Test
    void commitsOnlyPositionsThatMovedPastTheLastCommit() {
        CountingConsumer consumer = new CountingConsumer();
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seek(P0, 12);
        consumer.seek(P1, 5);
        IdlePositions positions = new IdlePositions(consumer);

        positions.commit(Map.of(P0, new OffsetAndMetadata(11), P1, new OffsetAndMetadata(5)));
        positions.commitIdle();
        assertThat(consumer.committed(Set.of(P0, P1))).containsEntry(P0, new OffsetAndMetadata(12))
                .containsEntry(P1, new OffsetAndMetadata(5));
        assertThat(consumer.commits).as("the bulk's commit, then one idle commit for P0's marker").isEqualTo(2);

        positions.commitIdle();
        positions.commitIdle();
        assertThat(consumer.commits).as("nothing moved: no more commits").isEqualTo(2);

        consumer.seek(P1, 7);
        positions.commitIdle();
        assertThat(consumer.committed(Set.of(P1))).containsEntry(P1, new OffsetAndMetadata(7));
        assertThat(consumer.commits).isEqualTo(3);
    }

    @Test
    void aNewGroupsStartingPositionIsNotCommitted() {
        CountingConsumer consumer = new CountingConsumer();
        consumer.assign(List.of(P0));
        consumer.seek(P0, 0);
        IdlePositions positions = new IdlePositions(consumer);
        positions.commitIdle();
        positions.commitIdle();
        assertThat(consumer.commits).as("nothing indexed yet, nothing to say").isZero();

        consumer.seek(P0, 2);
        positions.commitIdle();
        assertThat(consumer.committed(Set.of(P0))).containsEntry(P0, new OffsetAndMetadata(2));
        assertThat(consumer.commits).isEqualTo(1);
    }

    @Test
    void aRestartedSinkCommitsPastTheMarkersItsPredecessorLeft() {
        CountingConsumer consumer = predecessorCommitted(11, 4).at(12, 4);
        IdlePositions positions = new IdlePositions(consumer);
        positions.commitIdle();
        assertThat(consumer.committed(Set.of(P0, P1))).containsEntry(P0, new OffsetAndMetadata(12))
                .containsEntry(P1, new OffsetAndMetadata(4));
        assertThat(consumer.commits).as("the predecessor's, then P0's past its marker").isEqualTo(2);

        positions.forget(List.of(P0, P1));
        positions.commitIdle();
        assertThat(consumer.commits).as("re-learnt from the group after a revoke: nothing moved").isEqualTo(2);
    }

    @Test
    void aPartitionWhosePositionIsNotKnownYetDoesNotHoldBackTheOthers() {
        CountingConsumer consumer = predecessorCommitted(11, 4).at(12, 6);
        consumer.initialising = Set.of(P1);
        IdlePositions positions = new IdlePositions(consumer);

        positions.commitIdle();
        assertThat(consumer.committed(Set.of(P0, P1))).containsEntry(P0, new OffsetAndMetadata(12))
                .containsEntry(P1, new OffsetAndMetadata(4));

        consumer.initialising = Set.of();
        positions.commitIdle();
        assertThat(consumer.committed(Set.of(P1))).containsEntry(P1, new OffsetAndMetadata(6));
        assertThat(consumer.commits).as("the predecessor's, P0's, then P1's once its position is known").isEqualTo(3);
    }

    /** A consumer of P0 and P1 whose group has the given offsets committed (one commit, counted). */
    private static CountingConsumer predecessorCommitted(long p0, long p1) {
        CountingConsumer consumer = new CountingConsumer();
        consumer.assign(List.of(P0, P1));
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(p0), P1, new OffsetAndMetadata(p1)));
        return consumer;
    }
}
