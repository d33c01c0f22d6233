package io.cirstream.indexer;

import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The indexer as its own deployable ({@code cirstream indexer}): the OpenSearch sink without the embedder, for
 * deployments that scale indexing apart from embedding (run the embedder with {@code embedder.sink.enabled=false}).
 * It writes to the index the alias points at, which the embedder created for its model pack.
 */
public final class IndexerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexerService.class);

    /** Every key the standalone indexer reads. */
    public static final List<ConfigKey<?>> KEYS = Stream.of(KafkaConfig.KEYS, OpenSearchConfig.KEYS,
            IndexerConfig.SINK_KEYS, List.<ConfigKey<?>>of(IndexerConfig.SESSION_TIMEOUT_MS, IndexerConfig.INSTANCE_ID,
                    IndexerConfig.LOG_INTERVAL_S)).flatMap(List::stream).toList();

    private final Settings settings;
    private final IndexerMetrics metrics = new IndexerMetrics();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private OpenSearchClient openSearch;
    private IndexerRunner runner;
    private ScheduledExecutorService reporter;
    private String index;

    public IndexerService(Settings settings) {
        settings.validate(KEYS);
        this.settings = settings;
    }

    /** Runs until the process is stopped (SIGTERM/Ctrl-C close it cleanly). */
    public static void run(Settings settings) throws InterruptedException {
        System.out.print(settings.describe("indexer", KEYS));
        IndexerService service = new IndexerService(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "indexer-shutdown"));
        service.start();
        service.stopped.await();
        service.close();
        if (service.failure.get() != null) {
            throw new IllegalStateException("indexer stopped after a failure", service.failure.get());
        }
    }

    public synchronized IndexerService start() {
        KafkaConfig kafka = KafkaConfig.from(settings);
        OpenSearchConfig openSearchConfig = OpenSearchConfig.from(settings);
        openSearch = new OpenSearchClient(openSearchConfig);
        GalleryIndexAdmin.AliasTarget target = GalleryIndexAdmin.describe(openSearch, openSearchConfig.indexAlias());
        index = target.index();
        IndexerOptions options = IndexerConfig.options(settings,
                Duration.ofMillis(settings.get(IndexerConfig.SESSION_TIMEOUT_MS)), settings.get(IndexerConfig.INSTANCE_ID))
                .forIndex(index);
        VectorIndexer indexer = new VectorIndexer(kafka, new Topics(settings.get(KafkaConfig.TOPIC_PREFIX)), openSearch,
                index, target.model(), options, metrics);
        runner = IndexerRunner.start(indexer, this::onFailure, "indexer");
        reporter = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("indexer-log")
                .unstarted(r));
        AtomicLong last = new AtomicLong();
        long seconds = settings.get(IndexerConfig.LOG_INTERVAL_S);
        reporter.scheduleAtFixedRate(() -> {
            long now = metrics.indexed();
            if (now != last.getAndSet(now)) {
                LOG.info("indexed {} documents ({} version conflicts, {} dead letters)", now, metrics.versionConflicts(),
                        metrics.deadLetters());
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        LOG.info("indexer started: index {} (model {}) behind alias {}, group {}", index, target.model(),
                openSearchConfig.indexAlias(), options.groupId());
        return this;
    }

    private void onFailure(Throwable e) {
        failure.compareAndSet(null, e);
        stopped.countDown();
    }

    public IndexerMetrics metrics() {
        return metrics;
    }

    /** The concrete index this instance writes to. */
    public String index() {
        return index;
    }

    public synchronized boolean running() {
        return runner != null && runner.running();
    }

    @Override
    public synchronized void close() {
        stopped.countDown();
        if (runner != null) {
            runner.close();
            runner = null;
        }
        if (reporter != null) {
            reporter.shutdownNow();
            reporter = null;
        }
        if (openSearch != null) {
            openSearch.close();
            openSearch = null;
        }
    }
}
