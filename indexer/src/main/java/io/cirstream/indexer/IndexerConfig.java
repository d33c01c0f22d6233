package io.cirstream.indexer;

import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.Settings;

import java.time.Duration;
import java.util.List;

/**
 * The sink's configuration keys. They keep their {@code embedder.sink.*} names whether the indexer runs in-process
 * beside the embedder or alone ({@code cirstream indexer}), so one configuration file serves both layouts.
 */
public final class IndexerConfig {

    public static final ConfigKey<String> SINK_GROUP = ConfigKey.string("embedder.sink.group", "cirstream-indexer",
            "consumer group of the sink; \".<concrete index>\" is appended, so each index tracks its own progress");
    public static final ConfigKey<Integer> BULK_DOCS = ConfigKey.integer("embedder.sink.bulk-docs", 500, 1, 100_000,
            "most actions per bulk request");
    public static final ConfigKey<Long> BULK_BYTES = ConfigKey.longValue("embedder.sink.bulk-bytes", 8L << 20, 1024,
            1L << 30, "most bytes per bulk request");
    public static final ConfigKey<Integer> BULK_LINGER_MS = ConfigKey.integer("embedder.sink.linger-ms", 100, 1,
            600_000, "longest a vector waits before a partial bulk is sent");
    public static final ConfigKey<Integer> MAX_BACKOFF_MS = ConfigKey.integer("embedder.sink.max-backoff-ms", 30_000,
            100, 3_600_000, "ceiling of the retry back-off while OpenSearch is down or overloaded");
    public static final ConfigKey<Integer> SESSION_TIMEOUT_MS = ConfigKey.integer("indexer.session-timeout-ms", 45_000,
            6_000, 300_000, "standalone indexer: how long a crashed instance holds its partitions before another takes over");
    public static final ConfigKey<String> INSTANCE_ID = new ConfigKey<>("indexer.instance-id", "", String::strip, false,
            "standalone indexer: stable name for static group membership (unique per instance); empty for dynamic");
    public static final ConfigKey<Integer> LOG_INTERVAL_S = ConfigKey.integer("indexer.log-interval-s", 30, 1, 86_400,
            "standalone indexer: seconds between the one-line progress summaries");

    /** The keys the in-process sink reads (the embedder lists them among its own). */
    public static final List<ConfigKey<?>> SINK_KEYS = List.of(SINK_GROUP, BULK_DOCS, BULK_BYTES, BULK_LINGER_MS,
            MAX_BACKOFF_MS);

    private IndexerConfig() {
    }

    public static IndexerOptions options(Settings settings, Duration sessionTimeout, String instanceId) {
        return new IndexerOptions(settings.get(SINK_GROUP), settings.get(BULK_DOCS), settings.get(BULK_BYTES),
                Duration.ofMillis(settings.get(BULK_LINGER_MS)), Duration.ofMillis(settings.get(MAX_BACKOFF_MS)),
                sessionTimeout, instanceId);
    }
}
