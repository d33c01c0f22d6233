package io.cirstream.query.watch;

import io.cirstream.testkit.Await;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch feed is one thread that the watches and the reference cache depend on; a failed read used to end it for
 * good (a position that timed out while a partition had no leader, a poll the broker refused), silently, with the API
 * still ready.
 */
class VectorFeedRecoveryTest {
    private static final String TOPIC = "v";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    /** A consumer whose first position look-ups and first polls fail, as they do while Kafka cannot serve them. */
    private static final class FailingAtFirst extends MockConsumer<String, byte[]> {
        final AtomicInteger positionFailures;
        final AtomicInteger pollFailures;

        FailingAtFirst(int positionFailures, int pollFailures) {
            super("earliest");
            this.positionFailures = new AtomicInteger(positionFailures);
            this.pollFailures = new AtomicInteger(pollFailures);
            updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
            updateBeginningOffsets(Map.of(P0, 0L));
            updateEndOffsets(Map.of(P0, 5L));
        }

        // Both forms fail: MockConsumer's timed one calls the other.
        @Override
        public synchronized long position(TopicPartition partition, Duration timeout) {
            failIfDue();
            return super.position(partition, timeout);
        }

        @Override
        public synchronized long position(TopicPartition partition) {
            failIfDue();
            return super.position(partition);
        }

        private void failIfDue() {
            if (positionFailures.getAndDecrement() > 0) {
                throw new TimeoutException("timeout expired before the position was determined");
            }
        }

        @Override
        public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
            if (pollFailures.getAndDecrement() > 0) {
                throw new AuthorizationException("not authorised to read " + TOPIC + " (yet)");
            }
            return super.poll(timeout);
        }
    }

    @Test
    void aPositionThatTimesOutIsLookedUpAgainAtTheEndAndTheFeedGoesOn() throws Exception {
        FailingAtFirst consumer = new FailingAtFirst(2, 0);
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (VectorFeed feed = feed(consumer, seen)) {
            Await.until("the feed ready", Duration.ofSeconds(20), feed::ready);
            assertThat(consumer.position(P0)).as("still started at the end of the moment it could look").isEqualTo(5L);
            consumer.addRecord(record(5, "new-5"));
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("new-5");
        }
    }

    @Test
    void aPollThatFailsIsRetriedAndNothingIsSkipped() throws Exception {
        FailingAtFirst consumer = new FailingAtFirst(0, 2);
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (VectorFeed feed = feed(consumer, seen)) {
            Await.until("the feed ready", Duration.ofSeconds(20), feed::ready);
            consumer.addRecord(record(5, "new-5"));
            consumer.addRecord(record(6, "new-6"));
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("new-5");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("new-6");
            assertThat(consumer.pollFailures.get()).as("both failures were met").isNegative();
        }
    }

    private static VectorFeed feed(MockConsumer<String, byte[]> consumer, LinkedBlockingQueue<String> seen) {
        return new VectorFeed(consumer, TOPIC, (key, value) -> Optional.empty(), new WatchHub(1))
                .onChange((key, now) -> seen.add(key)).start();
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key) {
        return new ConsumerRecord<>(TOPIC, 0, offset, key, new byte[] {1});
    }
}
