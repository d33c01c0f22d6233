package io.cirstream.tools.perf;

import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.KafkaSetup;
import io.cirstream.contract.topic.TopicSetup;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.embedder.app.EmbedderService;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import io.cirstream.tools.packs.PackGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;

/**
 * Live watch latency beside freshness, for the same images in one run: an embedder (with its in-process sink) and a
 * query API run in this process on the run's own topics and index; one watch is open on the API with threshold -1,
 * so every new image matches it; images are published to the gallery topic at a steady rate. For each image it
 * times (a) publish -> its SSE {@code match} event on the watch, and (b) publish -> visible to an OpenSearch
 * {@code _search} ({@link FreshnessProbe}). The watch reads the vectors topic (read_committed) and does not wait for
 * an index refresh, so (a) is bounded by the embedder's linger, encode and transaction commit; (b) adds the sink's
 * bulk and the refresh interval. Needs the local Kafka and OpenSearch.
 * <pre>WatchLatencyPerf [--images N] [--rate PER_S] [--pack synthetic|synthetic-fp16|vit-b32-shaped] [--warmup N]</pre>
 * Everything else comes from the usual configuration (CIRSTREAM_* environment), e.g. embedder.index.refresh-interval.
 */
public final class WatchLatencyPerf {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final int DISTINCT_TILES = 100;

    private WatchLatencyPerf() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = PerfArgs.parse(args);
        run(opts.getOrDefault("pack", PackGenerator.SYNTHETIC), Integer.parseInt(opts.getOrDefault("images", "300")),
                Double.parseDouble(opts.getOrDefault("rate", "20")), Integer.parseInt(opts.getOrDefault("warmup", "20")));
    }

    private static void run(String packKind, int images, double rate, int warmup) throws Exception {
        Path work = Files.createTempDirectory("cirstream-watch-bench");
        Path pack = PackGenerator.generate(packKind, work.resolve(packKind));
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Settings settings = EmbedderPerf.isolated(name, pack, work).with(Map.of(EmbedderConfig.METRICS_PORT.name(), "-1",
                QueryApiConfig.PORT.name(), "0"));
        EmbedderConfig config = EmbedderConfig.from(settings);
        List<byte[]> pngs = GalleryRecords.tiles(Math.min(images, DISTINCT_TILES)).stream().map(GalleryRecords::png).toList();
        System.out.printf(Locale.ROOT, "pack %s, %d images at %.0f/s (after %d warm-up), refresh_interval %s, batch %d, "
                        + "linger %d ms, sink linger %d ms, %d cores, load average %.2f%n", packKind, images, rate, warmup,
                config.index().refreshInterval(), config.batch().size(), config.batch().linger().toMillis(),
                config.indexer().linger().toMillis(), Runtime.getRuntime().availableProcessors(), HostLoad.average());
        try (KafkaProducer<String, byte[]> producer = KafkaSetup.producer(config.kafka(), name);
             OpenSearchClient openSearch = new OpenSearchClient(config.openSearch())) {
            TopicSetup.ensure(config.kafka(), config.topics());
            // Topics first, then the embedder (it creates the index), then the API, whose feed starts at the vectors' end.
            EmbedderService embedder = new EmbedderService(config).start();
            try (QueryApiServer api = QueryApiServer.start(QueryApiConfig.from(settings))) {
                System.out.printf(Locale.ROOT, "index %s, watch on http://127.0.0.1:%d%n", embedder.index(), api.port());
                MatchProbe watched = new MatchProbe();
                MatchProbe warm = new MatchProbe();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // Method text ("forest": a word the generated packs know) with threshold -1: every similarity is at
                // least -1, so each new image is a match.
                URI watch = URI.create("http://127.0.0.1:" + api.port() + "/v1/watch?method=text&text=forest&threshold=-1");
                WatchStream stream = WatchStream.open(http, watch, PATIENCE, (id, at) -> {
                    warm.arrived(id, at);
                    watched.arrived(id, at);
                });
                try {
                    warmUp(config, producer, pngs, warm, warmup, rate);
                    measure(config, producer, openSearch, pngs, watched, images, rate);
                } finally {
                    stream.close();
                }
            } finally {
                embedder.close();
            }
        } finally {
            EmbedderPerf.cleanUp(config, name);
        }
    }

    /** The JIT, the first transactions and the first bulk requests are not what a steady stream sees. */
    private static void warmUp(EmbedderConfig config, KafkaProducer<String, byte[]> producer, List<byte[]> pngs,
                               MatchProbe warm, int count, double rate) throws InterruptedException {
        publish(config, producer, pngs, "warm-", count, rate, (id, at) -> warm.sent(id, at));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (warm.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void measure(EmbedderConfig config, KafkaProducer<String, byte[]> producer,
                                OpenSearchClient openSearch, List<byte[]> pngs, MatchProbe watched, int count,
                                double rate) throws InterruptedException {
        FreshnessProbe fresh = new FreshnessProbe(openSearch, config.openSearch().indexAlias());
        Thread sender = Thread.ofPlatform().name("bench-sender").start(() -> publish(config, producer, pngs, "live-",
                count, rate, (id, at) -> {
                    watched.sent(id, at);
                    fresh.sent(id);
                }));
        long deadline = System.nanoTime() + PATIENCE.toNanos() + (long) (count / rate * 1e9);
        List<Double> freshMs = fresh.awaitAll(sender::isAlive, deadline);
        // The watch is expected to be ahead; whatever it still lacks gets a few more seconds, not the whole deadline.
        long watchDeadline = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(10).toNanos());
        while (watched.pending() > 0 && System.nanoTime() < watchDeadline) {
            Thread.sleep(20);
        }
        long[] watchNanos = watched.latencies();
        long[] freshNanos = freshMs.stream().mapToLong(ms -> Math.round(ms * 1e6)).toArray();
        report("watch (publish -> SSE match)", LatencyStats.of(watchNanos, watched.pending(), 0), count);
        report("freshness (publish -> searchable)", LatencyStats.of(freshNanos, fresh.pending(), 0), count);
        System.out.printf(Locale.ROOT, "load average after the run %.2f%n", HostLoad.average());
    }

    /** Sends {@code count} images at {@code rate} per second; {@code sent} hears each id just before its send. */
    private static void publish(EmbedderConfig config, KafkaProducer<String, byte[]> producer, List<byte[]> pngs,
                                String idPrefix, int count, double rate, ObjLongConsumer<String> sent) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            // Parking, not spinning: on a 2-core machine a spinning sender would take a core from the pipeline.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String id = idPrefix + i;
            sent.accept(id, System.nanoTime());
            producer.send(GalleryRecords.upsert(config.topics().gallery(), id, pngs.get(i % pngs.size())));
        }
        producer.flush();
    }

    private static void report(String what, LatencyStats stats, int count) {
        System.out.printf(Locale.ROOT, "%-34s %d of %d images, %d missed: p50 %.0f ms, p99 %.0f ms%n", what,
                stats.requests(), count, stats.errors(), stats.p50Ms(), stats.p99Ms());
    }
}
