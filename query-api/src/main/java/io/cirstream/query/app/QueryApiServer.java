package io.cirstream.query.app;

import io.cirstream.contract.config.Settings;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.topic.Topics;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.publisher.GalleryPublisher;
import io.cirstream.publisher.PublisherOptions;
import io.cirstream.model.composition.Composer;
import io.cirstream.query.http.ApiContract;
import io.cirstream.query.http.ApiRouter;
import io.cirstream.query.http.SearchRequestParser;
import io.cirstream.query.inference.Inference;
import io.cirstream.query.inference.TextEmbeddings;
import io.cirstream.query.metrics.QueryMetrics;
import io.cirstream.query.search.GalleryStore;
import io.cirstream.query.search.JdkTransport;
import io.cirstream.query.search.OpenSearchTransport;
import io.cirstream.query.search.ReferenceCache;
import io.cirstream.query.search.VertxTransport;
import io.cirstream.query.search.QueryEncoder;
import io.cirstream.query.search.ReferenceImages;
import io.cirstream.query.search.SearchEngine;
import io.cirstream.query.search.UrlFetcher;
import io.cirstream.query.watch.VectorFeed;
import io.cirstream.query.watch.VectorRecords;
import io.cirstream.query.http.WatchHandler;
import io.cirstream.query.watch.WatchHub;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running query API: wires the components from a {@link QueryApiConfig}, serves HTTP, and closes
 * everything it opened in reverse order.
 */
public final class QueryApiServer implements AutoCloseable {
    private final AtomicBoolean closed = new AtomicBoolean();
    private static final Logger LOG = LoggerFactory.getLogger(QueryApiServer.class);

    private final List<AutoCloseable> resources;
    private final Vertx vertx;
    private final HttpServers http;

    private QueryApiServer(List<AutoCloseable> resources, Vertx vertx, HttpServers http) {
        this.resources = resources;
        this.vertx = vertx;
        this.http = http;
    }

    /** Loads the model pack named by the configuration (and closes it on {@link #close()}). */
    public static QueryApiServer start(QueryApiConfig config) {
        ModelRuntime runtime = ModelRuntime.load(config.modelPack(), RuntimeOptions.defaults().withDevice(config.device()));
        try {
            QueryApiServer server = start(config, runtime);
            server.resources.add(0, runtime);
            return server;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** Serves with a runtime the caller owns and closes. Blocks until the port is bound. */
    public static QueryApiServer start(QueryApiConfig config, ModelRuntime runtime) {
        List<AutoCloseable> resources = new ArrayList<>();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(config.hotPath().nativeTransport()));
        resources.add(() -> vertx.close().toCompletionStage().toCompletableFuture().join());
        try {
            QueryMetrics metrics = new QueryMetrics();
            OpenSearchClient openSearch = add(resources, new OpenSearchClient(config.openSearch()));
            QueryApiConfig.HotPath hot = config.hotPath();
            // The Vert.x transport talks to one node; with several, the adapter's failover across them wins.
            boolean viaAdapter = hot.transport().equals("jdk") || config.openSearch().urls().size() > 1;
            OpenSearchTransport transport = add(resources, viaAdapter ? new JdkTransport(openSearch)
                    : new VertxTransport(vertx, config.openSearch(), hot.poolSize(), hot.cbor()));
            GalleryStore store = new GalleryStore(transport, config.openSearch().indexAlias(), runtime.space(),
                    config.efSearch());
            AtomicReference<VectorFeed> feedRef = new AtomicReference<>();
            ReferenceCache references = new ReferenceCache(hot.referenceCacheSize(),
                    TimeUnit.MILLISECONDS.toNanos(hot.referenceCacheTtlMs()),
                    () -> feedRef.get() != null && feedRef.get().ready());
            Inference inference = add(resources, new Inference(vertx, config.inferenceThreads(),
                    config.inferenceQueue(), Duration.ofMillis(config.requestTimeoutMs()), metrics.encode()));
            QueryEncoder encoder = new QueryEncoder(vertx, store, inference,
                    new ReferenceImages(runtime.images(), ImageLimits.DEFAULT, config.tiles()),
                    new TextEmbeddings(runtime.texts(), config.textCacheSize()),
                    Composer.of(runtime), new UrlFetcher(config.urlFetch()), references);
            SearchEngine engine = new SearchEngine(encoder, store, metrics.knn(), config.weicomCandidates());
            Topics topics = new Topics(config.topicPrefix());
            GalleryPublisher publisher = add(resources, GalleryPublisher.create(
                    PublisherOptions.defaults(config.kafka(), topics.gallery()).withAllowedRoots(config.imageRoots())));
            Admin admin = add(resources, Admin.create(config.kafka().clientConfig(Map.of())));
            WatchHub hub = new WatchHub(config.maxWatches());
            VectorFeed feed = add(resources, new VectorFeed(config.kafka(), topics.vectors(),
                    new VectorRecords(runtime.packId()), hub).onChange((key, now) -> now.ifPresentOrElse(
                            vector -> references.updated(vector.id(), vector.vector()), () -> references.removed(key)))
                    .start());
            feedRef.set(feed);
            metrics.gauge("cirstream_query_inference_queue_depth", "inference tasks running or queued", inference::depth);
            metrics.gauge("cirstream_query_watches_open", "open watch streams", hub::size);

            ApiContract contract = ApiContract.load();
            SearchRequestParser parser = new SearchRequestParser(contract);
            WatchHandler watch = new WatchHandler(parser, encoder, hub, feed, config.watchThreshold(),
                    contract.watchParameters());
            ApiRouter.Parts parts = new ApiRouter.Parts(parser, engine, publisher, store, config.imageRoots(), watch,
                    new ApiRouter.OpsParts(admin, feed::ready, runtime.packId()), contract, metrics);
            ApiRouter.Policy policy = new ApiRouter.Policy(config.bodyLimit(), config.requestTimeoutMs(),
                    config.apiKey(), config.corsOrigins());
            HttpServers http = HttpServers.start(vertx, hot.eventLoops(), new HttpServerOptions().setHost(config.host())
                    .setPort(config.port()).setCompressionSupported(true), () -> ApiRouter.build(vertx, parts, policy));
            LOG.info("query API listening on http://{}:{} (pack {}, index alias {}, {} transport)", config.host(),
                    http.port(), runtime.packId(), config.openSearch().indexAlias(), transportName(vertx, config));
            return new QueryApiServer(resources, vertx, http);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    /** "epoll", or "nio" with the reason when the native transport was asked for but is not available here. */
    private static String transportName(Vertx vertx, QueryApiConfig config) {
        if (vertx.isNativeTransportEnabled()) {
            return "epoll";
        }
        Throwable why = vertx.unavailableNativeTransportCause();
        return config.hotPath().nativeTransport() && why != null ? "nio (native unavailable: " + why.getMessage() + ")"
                : "nio";
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Idempotent: a shutdown hook and an explicit close (or a test's fixture) may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.close();
        closeAll(resources);
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> resources, T resource) {
        resources.add(resource);
        return resource;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
    }

    /** Runs the API until the process is stopped; configuration from an optional file plus the environment. */
    public static void main(String[] args) {
        Settings settings = Settings.load(
                args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty());
        System.out.print(settings.describe("query-api", QueryApiConfig.KEYS));
        QueryApiServer server = start(QueryApiConfig.from(settings));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "query-api-shutdown"));
    }
}
