package io.cirstream.embedder.app;

import io.cirstream.contract.topic.TopicSetup;

import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.contract.config.Settings;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.model.ModelRuntime;
import io.cirstream.embedder.ops.EmbedderMeters;
import io.cirstream.embedder.ops.GroupLag;
import io.cirstream.embedder.ops.MetricsEndpoint;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.indexer.IndexerRunner;
import io.cirstream.indexer.VectorIndexer;
import io.cirstream.embedder.stream.EmbedderMetrics;
import io.cirstream.embedder.stream.EmbedderTopology;
import io.cirstream.embedder.stream.ImageLoader;
import io.cirstream.embedder.stream.ImageSource;
import io.cirstream.embedder.stream.ImagesUnavailableException;
import io.cirstream.remote.RemoteImages;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running embedder: the Kafka Streams app ({@link EmbedderTopology}) and, unless disabled, the OpenSearch sink
 * ({@link VectorIndexer}) in one process, plus the periodic one-line metric summary. {@link #close()} stops the
 * stream first (committing its last transaction) and then lets the sink finish its current bulk.
 */
public final class EmbedderService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbedderService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** How often the consumer-group lag is read from the broker (a few cheap admin requests). */
    private static final Duration LAG_INTERVAL = Duration.ofSeconds(5);

    private final EmbedderConfig config;
    private final EmbedderMetrics metrics = new EmbedderMetrics();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private ModelRuntime runtime;
    private RemoteImages remoteImages;
    private OpenSearchClient openSearch;
    private KafkaStreams streams;
    private IndexerRunner indexer;
    private ScheduledExecutorService reporter;
    private EmbedderMeters meters;
    private MetricsEndpoint endpoint;
    private String index;

    public EmbedderService(EmbedderConfig config) {
        this.config = config;
    }

    /** Runs until the process is stopped (SIGTERM/Ctrl-C close it cleanly); the lead's CLI calls this. */
    public static void run(Settings settings) throws InterruptedException {
        System.out.print(settings.describe("embedder", EmbedderConfig.KEYS));
        EmbedderService service = new EmbedderService(EmbedderConfig.from(settings));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "embedder-shutdown"));
        service.start();
        service.awaitStop();
        service.close();
        if (service.failure.get() != null) {
            throw new IllegalStateException("embedder stopped after a failure", service.failure.get());
        }
    }

    /** {@code EmbedderService [config-file]}: defaults + optional file + CIRSTREAM_* environment. */
    public static void main(String[] args) throws InterruptedException {
        run(Settings.load(args.length == 0 ? Optional.empty() : Optional.of(Path.of(args[0]))));
    }

    public synchronized EmbedderService start() {
        runtime = ModelRuntime.load(config.pack(), config.runtime());
        TopicSetup.ensure(config.kafka(), config.topics());
        openSearch = new OpenSearchClient(config.openSearch());
        String alias = config.openSearch().indexAlias();
        index = config.swapAlias()
                ? GalleryIndexAdmin.ensure(openSearch, alias, runtime.dimension(), runtime.space(), runtime.packId(),
                config.index())
                : GalleryIndexAdmin.create(openSearch, alias, runtime.dimension(), runtime.space(), runtime.packId(),
                config.index());
        remoteImages = RemoteImages.open(config.remote());
        streams = new KafkaStreams(topology(), StreamsProperties.of(config));
        streams.setUncaughtExceptionHandler(this::onStreamFailure);
        meters = new EmbedderMeters(metrics);
        meters.bindStreams(streams);
        meters.trackStreamLag(new GroupLag(config.kafka(), config.applicationId(),
                topic -> config.topics().galleryPattern().matcher(topic).matches()), LAG_INTERVAL);
        streams.start();
        if (config.sinkEnabled()) {
            VectorIndexer sink = new VectorIndexer(config.kafka(), config.topics(), openSearch, index, runtime.packId(),
                    config.indexer().forIndex(index), metrics);
            meters.bindSinkConsumer(sink.clientMetrics());
            String vectors = config.topics().vectors();
            meters.trackSinkLag(new GroupLag(config.kafka(), config.indexer().forIndex(index).groupId(), vectors::equals),
                    LAG_INTERVAL);
            indexer = IndexerRunner.start(sink, this::onSinkFailure, "embedder-indexer");
        }
        reporter = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("embedder-metrics")
                .unstarted(r));
        scheduleSummary();
        endpoint = MetricsEndpoint.start(config.metricsHost(), config.metricsPort(), meters.registry()).orElse(null);
        LOG.info("embedder started: model {} (dim {}), index {} behind alias {}, batch {} / {} ms", runtime.packId(),
                runtime.dimension(), index, alias, config.batch().size(), config.batch().linger().toMillis());
        return this;
    }

    Topology topology() {
        ImageLoader loader = new ImageLoader(new ImageSource(config.imageRoots(), config.limits().maxBytes(),
                Optional.ofNullable(remoteImages)), config.limits(), config.tiles());
        return EmbedderTopology.build(config.topics(), loader, runtime.images(), runtime.packId(), config.batch(),
                metrics);
    }

    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onStreamFailure(Throwable e) {
        if (ImagesUnavailableException.isCause(e)) {
            // A remote image server is down or throttling: no record is at fault and none is dropped. A new thread
            // takes the task over, restores its pending batch from the changelog and fetches it again.
            LOG.warn("remote images unavailable; restarting the stream thread to retry its batch: {}", e.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("embedder stream failed; stopping", e);
        failure.compareAndSet(null, e);
        stopped.countDown();
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private void onSinkFailure(Throwable e) {
        failure.compareAndSet(null, e);
        stopped.countDown();
    }

    private void scheduleSummary() {
        AtomicReference<EmbedderMetrics.Snapshot> last = new AtomicReference<>(metrics.snapshot());
        long seconds = config.logInterval().toSeconds();
        EmbedderMeters lag = meters;
        reporter.scheduleAtFixedRate(() -> {
            EmbedderMetrics.Snapshot now = metrics.snapshot();
            EmbedderMetrics.Snapshot before = last.getAndSet(now);
            if (now.recordsIn() != before.recordsIn() || now.indexed() != before.indexed()) {
                LOG.info("{}; lag: stream {}, sink {} records", EmbedderMetrics.summary(before, now,
                        config.batch().size()), GroupLag.describe(lag.streamLag()),
                        GroupLag.describe(lag.sinkLag()));
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    public EmbedderMetrics metrics() {
        return metrics;
    }

    /** The port of the Prometheus endpoint, when it runs. */
    public OptionalInt metricsPort() {
        return endpoint == null ? OptionalInt.empty() : OptionalInt.of(endpoint.port());
    }

    /** The Kafka Streams app's state (RUNNING while it processes), or empty before the start and after the close. */
    public synchronized Optional<KafkaStreams.State> streamState() {
        return Optional.ofNullable(streams).map(KafkaStreams::state);
    }

    /** The stream tasks this instance processes now (0 before its first assignment and after the close). */
    public synchronized int activeTasks() {
        return streams == null ? 0 : streams.metadataForLocalThreads().stream()
                .mapToInt(thread -> thread.activeTasks().size()).sum();
    }

    /** Whether the OpenSearch sink's thread is running. */
    public synchronized boolean sinkRunning() {
        return indexer != null && indexer.running();
    }

    /** The concrete index this instance writes to. */
    public String index() {
        return index;
    }

    /** Blocks until {@link #close()} is called or a component fails. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        stopped.countDown();
        if (streams != null) {
            // Leaving the group lets another instance take over this one's tasks now, not after the session timeout.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
            streams = null;
        }
        if (indexer != null) {
            indexer.close();
            indexer = null;
        }
        if (reporter != null) {
            reporter.shutdownNow();
        }
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        if (meters != null) {
            meters.close();
            meters = null;
        }
        if (openSearch != null) {
            openSearch.close();
            openSearch = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        if (remoteImages != null) {
            remoteImages.close();
            remoteImages = null;
        }
    }
}
