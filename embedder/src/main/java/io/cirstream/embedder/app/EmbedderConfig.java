package io.cirstream.embedder.app;

import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.model.PackSettings;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.indexer.IndexerConfig;
import io.cirstream.indexer.IndexerOptions;
import io.cirstream.embedder.stream.BatchPolicy;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.imaging.ImageConfig;
import io.cirstream.geotiff.Stretch;
import io.cirstream.geotiff.TileKeys;
import io.cirstream.geotiff.TileOptions;
import io.cirstream.remote.RemoteImageConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The embedder service's typed configuration: the stream app, the model runtime and the OpenSearch sink. */
public record EmbedderConfig(KafkaConfig kafka, OpenSearchConfig openSearch, Topics topics, Path pack,
                             RuntimeOptions runtime, BatchPolicy batch, ImageLimits limits, List<Path> imageRoots,
                             String applicationId, int streamThreads, int sessionTimeoutMs,
                             int transactionTimeoutMs, Path stateDir,
                             IndexerOptions indexer, IndexSettings index, boolean swapAlias, boolean sinkEnabled, Duration logInterval,
                             String metricsHost, int metricsPort, String instanceId, RemoteImageConfig remote,
                             TileOptions tiles) {

    public static final ConfigKey<Path> PACK = PackSettings.PACK;
    public static final ConfigKey<String> DEVICE = ConfigKey.string("embedder.device", "cpu",
            "ONNX Runtime device: cpu, cuda, cuda:N or auto");
    public static final ConfigKey<Integer> MODEL_THREADS = ConfigKey.integer("embedder.model-threads", 0, 0, 256,
            "ONNX Runtime intra-op threads per session (0: ONNX Runtime decides)");
    public static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.integer("embedder.batch-size", 32, 1, 4096,
            "images per encoder batch; a full batch is flushed at once");
    public static final ConfigKey<Integer> LINGER_MS = ConfigKey.integer("embedder.linger-ms", 100, 1, 600_000,
            "longest an image waits for its batch to fill (wall clock)");
    public static final ConfigKey<Long> IMAGE_MAX_BYTES = ConfigKey.longValue("embedder.image.max-bytes",
            ImageLimits.DEFAULT.maxBytes(), 1, Long.MAX_VALUE, "largest accepted image file");
    public static final ConfigKey<Long> IMAGE_MAX_PIXELS = ConfigKey.longValue("embedder.image.max-pixels",
            ImageLimits.DEFAULT.maxPixels(), 1, Long.MAX_VALUE, "largest accepted width x height");
    public static final ConfigKey<List<Path>> IMAGE_ROOTS = ImageConfig.ALLOWED_ROOTS;
    public static final ConfigKey<String> TOPIC_PREFIX = KafkaConfig.TOPIC_PREFIX;
    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.string("embedder.application-id",
            "cirstream-embedder", "Kafka Streams application.id (consumer group, internal topic prefix)");
    public static final ConfigKey<Integer> STREAM_THREADS = ConfigKey.integer("embedder.stream-threads", 1, 1, 64,
            "Kafka Streams num.stream.threads in this instance");
    public static final ConfigKey<Integer> SESSION_TIMEOUT_MS = ConfigKey.integer("embedder.session-timeout-ms", 45_000,
            6_000, 300_000, "how long a crashed instance (stream and sink) holds its partitions before another takes over");
    public static final ConfigKey<Integer> TRANSACTION_TIMEOUT_MS = ConfigKey.integer("embedder.transaction-timeout-ms",
            120_000, 1_000, 900_000, "longest transaction of a stream thread; also how long the partitions of a killed"
                    + " instance stall until the broker aborts its open transaction");
    public static final ConfigKey<Path> STATE_DIR = new ConfigKey<>("embedder.state-dir",
            Path.of(System.getProperty("java.io.tmpdir"), "cirstream-embedder-state").toString(), Path::of, false,
            "Kafka Streams state.dir");
    public static final ConfigKey<Path> CACHE_DIR = new ConfigKey<>("embedder.cache-dir",
            RuntimeOptions.defaults().cacheDir().toString(), Path::of, false, "writable dir for native libraries");
    public static final ConfigKey<Boolean> SINK_ENABLED = ConfigKey.bool("embedder.sink.enabled", true,
            "run the OpenSearch sink in this process");
    public static final ConfigKey<String> REFRESH_INTERVAL = ConfigKey.string("embedder.index.refresh-interval", "1s",
            "index refresh_interval: freshness (search sees new vectors) against indexing cost");
    public static final ConfigKey<Integer> INDEX_SHARDS = ConfigKey.integer("embedder.index.shards",
            IndexSettings.DEFAULT_SHARDS, 1, 1024, "primary shards of a newly created gallery index");
    public static final ConfigKey<Integer> INDEX_REPLICAS = ConfigKey.integer("embedder.index.replicas",
            IndexSettings.DEFAULT_REPLICAS, 0, 16, "replicas of each shard (also applied to an existing index)");
    public static final ConfigKey<Integer> HNSW_M = ConfigKey.integer("embedder.index.hnsw-m",
            IndexSettings.DEFAULT_M, 2, 512, "HNSW graph degree of a newly created index (memory against recall)");
    public static final ConfigKey<Integer> HNSW_EF_CONSTRUCTION = ConfigKey.integer("embedder.index.hnsw-ef-construction",
            IndexSettings.DEFAULT_EF_CONSTRUCTION, 2, 4096, "HNSW build-time beam of a newly created index");
    public static final ConfigKey<String> INDEX_ENCODER = ConfigKey.string("embedder.index.encoder",
            IndexSettings.ENCODER_NONE, "vector storage of a newly created index: none (float32) or sq (7-bit scalar "
                    + "quantization, about a quarter of the vector memory; docs/operations.md sizes both)");
    public static final ConfigKey<Boolean> SWAP_ALIAS = ConfigKey.bool("embedder.index.swap-alias", true,
            "point the alias at this model's index at start (false during a re-index until it has caught up)");
    public static final ConfigKey<Integer> LOG_INTERVAL_S = ConfigKey.integer("embedder.log-interval-s", 30, 1, 86_400,
            "seconds between the one-line metric summaries");
    public static final ConfigKey<String> INSTANCE_ID = new ConfigKey<>("embedder.instance-id", "", String::strip, false,
            "stable name of this instance for static group membership (unique per instance): restarted with the same"
                    + " name and state dir it takes its partitions back at once; empty for dynamic membership");
    public static final ConfigKey<String> METRICS_HOST = ConfigKey.string("embedder.metrics-host", "127.0.0.1",
            "address the Prometheus endpoint GET /metrics listens on (0.0.0.0 in a container)");
    public static final ConfigKey<Integer> METRICS_PORT = ConfigKey.integer("embedder.metrics-port", 9401, -1, 65_535,
            "port of the Prometheus endpoint; 0 picks a free one, -1 disables it");

    public static final ConfigKey<int[]> TILE_BANDS = TileKeys.BANDS;
    public static final ConfigKey<Stretch> TILE_STRETCH = TileKeys.STRETCH;
    public static final ConfigKey<Long> TILE_MAX_SAMPLES = TileKeys.MAX_SAMPLES;

    private static final List<ConfigKey<?>> OWN_KEYS = List.of(PACK, DEVICE, MODEL_THREADS, BATCH_SIZE, LINGER_MS,
            IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS, IMAGE_ROOTS, APPLICATION_ID, STREAM_THREADS,
            SESSION_TIMEOUT_MS, TRANSACTION_TIMEOUT_MS, STATE_DIR, CACHE_DIR, SINK_ENABLED,
            REFRESH_INTERVAL, INDEX_SHARDS, INDEX_REPLICAS, HNSW_M, HNSW_EF_CONSTRUCTION, INDEX_ENCODER, SWAP_ALIAS, LOG_INTERVAL_S, METRICS_HOST, METRICS_PORT, INSTANCE_ID,
            TILE_BANDS, TILE_STRETCH, TILE_MAX_SAMPLES);

    /** Every key the embedder reads, Kafka and OpenSearch included. */
    public static final List<ConfigKey<?>> KEYS = Stream.of(KafkaConfig.KEYS, OpenSearchConfig.KEYS, OWN_KEYS,
                    IndexerConfig.SINK_KEYS, RemoteImageKeys.KEYS)
            .flatMap(List::stream).toList();

    public static EmbedderConfig from(Settings settings) {
        settings.validate(KEYS);
        int batchSize = settings.get(BATCH_SIZE);
        RuntimeOptions runtime = new RuntimeOptions(settings.get(DEVICE), settings.get(MODEL_THREADS), batchSize,
                settings.get(CACHE_DIR));
        IndexerOptions indexer = IndexerConfig.options(settings, Duration.ofMillis(settings.get(SESSION_TIMEOUT_MS)),
                settings.get(INSTANCE_ID));
        return new EmbedderConfig(KafkaConfig.from(settings), OpenSearchConfig.from(settings),
                new Topics(settings.get(TOPIC_PREFIX)), settings.get(PACK), runtime,
                new BatchPolicy(batchSize, Duration.ofMillis(settings.get(LINGER_MS))),
                new ImageLimits(settings.get(IMAGE_MAX_BYTES), settings.get(IMAGE_MAX_PIXELS)),
                settings.get(IMAGE_ROOTS), settings.get(APPLICATION_ID), settings.get(STREAM_THREADS),
                settings.get(SESSION_TIMEOUT_MS), settings.get(TRANSACTION_TIMEOUT_MS), settings.get(STATE_DIR),
                indexer, new IndexSettings(settings.get(INDEX_SHARDS), settings.get(INDEX_REPLICAS),
                        settings.get(REFRESH_INTERVAL), settings.get(HNSW_M), settings.get(HNSW_EF_CONSTRUCTION),
                        settings.get(INDEX_ENCODER)),
                settings.get(SWAP_ALIAS), settings.get(SINK_ENABLED), Duration.ofSeconds(settings.get(LOG_INTERVAL_S)),
                settings.get(METRICS_HOST), settings.get(METRICS_PORT), settings.get(INSTANCE_ID),
                RemoteImageKeys.from(settings), TileKeys.tileOptions(settings));
    }
}
