package io.cirstream.embedder.app;

import io.cirstream.contract.topic.KafkaSetup;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/** The Kafka Streams settings of the embedder, each one here for a reason. */
final class StreamsProperties {
    /**
     * The producer's batch size. Each record of the pending-batch changelog carries its image (a 64x64 PNG inline is
     * already ~17 KB), so at the default 16 KB every one was a batch of its own, sent at once in a request of its
     * own; the broker's per-request work, not the bytes, was its cost per image.
     */
    static final int BATCH_BYTES = 1 << 20;

    private StreamsProperties() {
    }

    // The global-handler flag is deprecated because Kafka 5.0 makes it the default; it is set until then.
    @SuppressWarnings("deprecation")
    static Properties of(EmbedderConfig config) {
        Properties props = new Properties();
        // Pass-through client settings (security, timeouts) first: the settings below, which exactly-once and the
        // topology depend on, win over them. Unprefixed, they reach every client Streams makes.
        props.putAll(config.kafka().client());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        // Input offsets, the pending-batch changelog, vectors and dead letters commit in one transaction.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        // Internal topics (the pending-batch changelog) are replicated like the topics cirstream creates itself.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().replicationFactor());
        if (config.kafka().minInsyncReplicas() > 0) {
            props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), config.kafka().minInsyncReplicas());
        }
        // Any instance counts as caught up on every task, so an instance added to a running deployment gets active
        // tasks at the next rebalance. Streams measures a new instance's lag on the pending-batch changelog as the
        // changelog's end offset (two records per image ever embedded), so past the default 10,000 it got warm-up
        // copies only and its first task at the next probing rebalance, ten minutes on. What it gives up: a moved task
        // first restores the changelog, which holds at most one batch once compacted (its segments are kept small).
        props.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, Long.MAX_VALUE);
        // Opt in to Kafka 5.0's default now (we have no global stores); otherwise Streams warns at every start.
        // The partition assignor builds its own StreamsConfig from the main consumer's configs, so it needs it too.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                true);
        // A new gallery.bench.* topic is picked up within this time (the pattern is re-evaluated on metadata refresh).
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), config.sessionTimeoutMs());
        // A whole batch is encoded inside one poll loop iteration; give slow devices room before a rebalance.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), 600_000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), KafkaSetup.MAX_RECORD_BYTES);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), BATCH_BYTES);
        if (!config.instanceId().isEmpty()) {
            // Static membership: a restart under the same name takes the member's place without waiting for its
            // session to expire (Streams appends the thread index per consumer).
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), config.instanceId());
        }
        // A transaction spans every batch encoded between two commits; on a slow device that can pass Streams'
        // 10 s default, and the coordinator would then abort it and fence the producer (the work is redone). It is
        // also how long a killed instance's open transaction blocks its partitions (the abort comes only then).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), config.transactionTimeoutMs());
        return props;
    }
}
