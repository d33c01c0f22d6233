package io.cirstream.query.app;

import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.geotiff.TileKeys;
import io.cirstream.geotiff.TileOptions;
import io.cirstream.model.PackSettings;
import io.cirstream.imaging.ImageConfig;
import io.cirstream.query.search.UrlFetcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Everything the query API is configured with; see {@link #KEYS} for the names, defaults and meanings. */
public record QueryApiConfig(KafkaConfig kafka, OpenSearchConfig openSearch, String host, int port, Path modelPack,
                             String device, int inferenceThreads, int inferenceQueue, int textCacheSize,
                             long bodyLimit, long requestTimeoutMs, String apiKey, List<String> corsOrigins,
                             UrlFetcher.Policy urlFetch, int weicomCandidates, int efSearch, List<Path> imageRoots,
                             String topicPrefix, double watchThreshold, int maxWatches, HotPath hotPath,
                             TileOptions tiles) {

    /**
     * How the search path reaches OpenSearch and how many event loops serve HTTP (see docs/benchmarks.md, Query API).
     * {@code transport}: {@code vertx} (pooled non-blocking client on the event loop) or {@code jdk} (the shared adapter);
     * {@code cbor}: whether the vertx client speaks CBOR to OpenSearch rather than JSON.
     */
    public record HotPath(String transport, int poolSize, int referenceCacheSize, long referenceCacheTtlMs,
                          int eventLoops, boolean nativeTransport, boolean cbor) {
    }

    public static final ConfigKey<String> HOST = ConfigKey.string("query.host", "127.0.0.1", "address the HTTP server binds");
    public static final ConfigKey<Integer> PORT = ConfigKey.integer("query.port", 8080, 0, 65535, "HTTP port (0: any free port)");
    public static final ConfigKey<Path> MODEL_PACK = PackSettings.PACK;
    public static final ConfigKey<String> DEVICE = ConfigKey.string("query.model.device", "cpu", "cpu, cuda, cuda:N or auto");
    public static final ConfigKey<Integer> INFERENCE_THREADS = ConfigKey.integer("query.inference.threads",
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 1, 256,
            "worker threads running the model, per lane: image and text (half the cores: ONNX Runtime parallelises inside a run)");
    public static final ConfigKey<Integer> INFERENCE_QUEUE = ConfigKey.integer("query.inference.queue", 64, 0, 100_000,
            "requests waiting for inference before new ones get 503 + Retry-After");
    public static final ConfigKey<Integer> TEXT_CACHE = ConfigKey.integer("query.text-cache.size", 10_000, 0, 10_000_000,
            "text embeddings kept in the LRU cache");
    public static final ConfigKey<Long> BODY_LIMIT = ConfigKey.longValue("query.body.limit-bytes", 20L * 1024 * 1024,
            1024, 1L << 30, "largest request body (uploads included)");
    public static final ConfigKey<Long> REQUEST_TIMEOUT = ConfigKey.longValue("query.request.timeout-ms", 30_000, 100,
            600_000, "a request not answered within this time gets 503");
    public static final ConfigKey<String> API_KEY = ConfigKey.secret("query.api-key",
            "when set, /v1/* requires header X-API-Key with this value");
    public static final ConfigKey<List<String>> CORS = ConfigKey.stringList("query.cors.origins",
            "allowed CORS origins, comma-separated ('*' for any; empty: CORS off)");
    public static final ConfigKey<Boolean> URL_FETCH = ConfigKey.bool("query.url-fetch.enabled", false,
            "allow reference images by URL (allow-listed hosts only)");
    public static final ConfigKey<List<String>> URL_HOSTS = ConfigKey.stringList("query.url-fetch.allowed-hosts",
            "host:port pairs reference URLs may point at, comma-separated (a bare host: its default port only)");
    public static final ConfigKey<Long> URL_MAX_BYTES = ConfigKey.longValue("query.url-fetch.max-bytes", 8L * 1024 * 1024,
            1, 1L << 30, "largest fetched reference image");
    public static final ConfigKey<Long> URL_TIMEOUT = ConfigKey.longValue("query.url-fetch.timeout-ms", 5_000, 100, 60_000,
            "time limit of a whole reference image fetch (connect, headers and body)");
    public static final ConfigKey<Integer> WEICOM_CANDIDATES = ConfigKey.integer("query.weicom.candidates", 200, 10, 10_000,
            "size of each of WeiCom's two k-NN lists (their union is the statistics set)");
    public static final ConfigKey<Integer> EF_SEARCH = ConfigKey.integer("query.knn.ef-search", 0, 0, 10_000,
            "HNSW search beam of every k-NN query (recall against latency); 0: OpenSearch's default, k");
    public static final ConfigKey<List<Path>> IMAGE_ROOTS = ImageConfig.ALLOWED_ROOTS;
    public static final ConfigKey<String> TOPIC_PREFIX = KafkaConfig.TOPIC_PREFIX;
    public static final ConfigKey<Double> WATCH_THRESHOLD = new ConfigKey<>("query.watch.threshold", "0.3",
            QueryApiConfig::similarity, false, "default similarity a new image needs to be pushed to a watch");
    public static final ConfigKey<Integer> MAX_WATCHES = ConfigKey.integer("query.watch.max", 256, 1, 100_000,
            "open watch streams at most");

    public static final ConfigKey<String> TRANSPORT = new ConfigKey<>("query.opensearch.transport", "vertx",
            QueryApiConfig::transport, false, "client of the search path: vertx (pooled, non-blocking, on the event loop) or jdk");
    public static final ConfigKey<Boolean> CBOR = ConfigKey.bool("query.opensearch.cbor", true,
            "the vertx search client sends and reads CBOR (binary floats, no decimal text); false: JSON, e.g. behind a proxy that passes JSON only");
    public static final ConfigKey<Integer> POOL_SIZE = ConfigKey.integer("query.opensearch.pool-size", 64, 1, 10_000,
            "HTTP connections to OpenSearch kept by the vertx search client");
    public static final ConfigKey<Integer> REFERENCE_CACHE = ConfigKey.integer("query.reference-cache.size", 10_000, 0,
            10_000_000, "stored vectors of references by id kept in memory (0: every search by id reads the index)");
    public static final ConfigKey<Long> REFERENCE_CACHE_TTL = ConfigKey.longValue("query.reference-cache.ttl-ms", 60_000,
            0, 86_400_000, "age at which a cached reference vector is read again (changes on the vectors topic apply at once)");
    public static final ConfigKey<Integer> EVENT_LOOPS = ConfigKey.integer("query.event-loops",
            Runtime.getRuntime().availableProcessors(), 1, 256, "HTTP server instances, each on its own event loop");
    public static final ConfigKey<Boolean> NATIVE_TRANSPORT = ConfigKey.bool("query.native-transport", true,
            "Netty's epoll transport for HTTP in and out where the platform has it (Linux x86-64); NIO otherwise");

    public static final List<ConfigKey<?>> KEYS = Stream.of(KafkaConfig.KEYS, OpenSearchConfig.KEYS, List.<ConfigKey<?>>of(
            HOST, PORT, MODEL_PACK, DEVICE, INFERENCE_THREADS, INFERENCE_QUEUE, TEXT_CACHE, BODY_LIMIT, REQUEST_TIMEOUT,
            API_KEY, CORS, URL_FETCH, URL_HOSTS, URL_MAX_BYTES, URL_TIMEOUT, WEICOM_CANDIDATES, EF_SEARCH, IMAGE_ROOTS,
            WATCH_THRESHOLD, MAX_WATCHES, TRANSPORT, CBOR, POOL_SIZE, REFERENCE_CACHE, REFERENCE_CACHE_TTL, EVENT_LOOPS,
            NATIVE_TRANSPORT),
            // The embedder's tile keys, read here too: a reference tile must be rendered as the gallery's are.
            TileKeys.KEYS)
            .flatMap(List::stream).toList();

    public static QueryApiConfig from(Settings settings) {
        settings.validate(KEYS);
        UrlFetcher.Policy urlFetch = new UrlFetcher.Policy(settings.get(URL_FETCH), Set.copyOf(settings.get(URL_HOSTS)),
                settings.get(URL_MAX_BYTES), Duration.ofMillis(settings.get(URL_TIMEOUT)));
        return new QueryApiConfig(KafkaConfig.from(settings), OpenSearchConfig.from(settings), settings.get(HOST),
                settings.get(PORT), settings.get(MODEL_PACK), settings.get(DEVICE),
                settings.get(INFERENCE_THREADS), settings.get(INFERENCE_QUEUE), settings.get(TEXT_CACHE),
                settings.get(BODY_LIMIT), settings.get(REQUEST_TIMEOUT), settings.get(API_KEY), settings.get(CORS),
                urlFetch, settings.get(WEICOM_CANDIDATES), settings.get(EF_SEARCH),
                settings.get(IMAGE_ROOTS), settings.get(TOPIC_PREFIX),
                settings.get(WATCH_THRESHOLD), settings.get(MAX_WATCHES), new HotPath(settings.get(TRANSPORT),
                        settings.get(POOL_SIZE), settings.get(REFERENCE_CACHE), settings.get(REFERENCE_CACHE_TTL),
                        settings.get(EVENT_LOOPS), settings.get(NATIVE_TRANSPORT), settings.get(CBOR)),
                TileKeys.tileOptions(settings));
    }

    private static String transport(String text) {
        String value = text.strip();
        if (!value.equals("vertx") && !value.equals("jdk")) {
            throw new IllegalArgumentException("must be vertx or jdk");
        }
        return value;
    }

    private static double similarity(String text) {
        double value = Double.parseDouble(text.strip());
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException("must be a similarity within [-1, 1]");
        }
        return value;
    }
}
