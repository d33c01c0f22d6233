package io.cirstream.indexer;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The sink's committed offsets. A bulk commits the offset after its last record; but the vectors topic is written in
 * transactions, so each one ends in a commit marker (and an aborted one leaves records a read-committed consumer never
 * sees). The offset after the last record therefore stays one marker short of the log end, and the group's lag never
 * comes down to zero on a caught-up sink. When the sink is idle (nothing pending, nothing fetched) the consumer's
 * position, which the client moves past markers and aborted records, is committed instead.
 */
final class IdlePositions {
    private static final Logger LOG = LoggerFactory.getLogger(IdlePositions.class);
    private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(1);
    /** Short: an idle commit that fails costs nothing (the next idle poll tries again), a blocked loop does. */
    private static final Duration IDLE_COMMIT_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<?, ?> consumer;
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    IdlePositions(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** Commits a bulk's offsets and remembers them. */
    void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets);
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }

    /**
     * Commits the position of every assigned partition that moved past what was committed. Only to be called when
     * every record fetched so far has been handled and committed, so the position skips nothing but markers and
     * aborted records.
     */
    void commitIdle() {
        Map<TopicPartition, Long> positions = positions(consumer.assignment());
        if (!learnBaselines(positions)) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> ahead = new HashMap<>();
        positions.forEach((partition, position) -> {
            if (position > committed.get(partition)) {
                ahead.put(partition, new OffsetAndMetadata(position));
            }
        });
        if (!ahead.isEmpty()) {
            try {
                consumer.commitSync(ahead, IDLE_COMMIT_TIMEOUT);
                ahead.forEach((partition, offset) -> committed.put(partition, offset.offset()));
            } catch (RetriableException | RebalanceInProgressException | CommitFailedException e) {
                // Nothing is lost: the last bulk's offsets stand (a rebalance hands them on, an outage keeps them),
                // and only markers or aborted records lie between them and the position. The next idle poll retries.
                LOG.debug("idle position commit failed ({}); retried on the next idle poll", e.toString());
            }
        }
    }

    /**
     * The consumer's position in each partition, read once per idle poll; a partition not initialised yet (its
     * committed offset still being fetched) is left out, and the next idle poll retries it.
     */
    private Map<TopicPartition, Long> positions(Set<TopicPartition> assigned) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            try {
                positions.put(partition, consumer.position(partition, POSITION_TIMEOUT));
            } catch (TimeoutException e) {
                // left for the next idle poll
            }
        }
        return positions;
    }

    /**
     * For partitions seen for the first time, what the group has committed, so that an idle sink commits only what
     * moved past it: a restarted sink past the markers its predecessor left, never a new group's starting position
     * (a commit that says nothing, and one made before anything was indexed). False when Kafka does not answer.
     */
    private boolean learnBaselines(Map<TopicPartition, Long> positions) {
        Set<TopicPartition> unknown = new HashSet<>(positions.keySet());
        unknown.removeAll(committed.keySet());
        if (unknown.isEmpty()) {
            return true;
        }
        Map<TopicPartition, OffsetAndMetadata> groups;
        try {
            groups = consumer.committed(unknown, POSITION_TIMEOUT);
        } catch (TimeoutException e) {
            return false;
        }
        for (TopicPartition partition : unknown) {
            OffsetAndMetadata group = groups.get(partition);
            committed.put(partition, group != null ? group.offset() : positions.get(partition));
        }
        return true;
    }

    /** Forgets revoked partitions, whose next owner commits for them. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(committed::remove);
    }
}
