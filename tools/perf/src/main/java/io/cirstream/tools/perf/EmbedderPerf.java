package io.cirstream.tools.perf;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.embedder.app.EmbedderService;
import io.cirstream.embedder.stream.EmbedderMetrics;
import io.cirstream.contract.topic.TopicSetup;
import io.cirstream.model.ImageEncoder;
import io.cirstream.model.ModelRuntime;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.contract.topic.KafkaSetup;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Prints, for one model pack: the raw encoder throughput (decoded images straight into the encoder), the end-to-end
 * embedder throughput (gallery records already on Kafka -> vectors committed) and their ratio, then the freshness
 * (produce -> searchable in OpenSearch) p50/p99 at a steady rate. Needs the local Kafka and OpenSearch. The end-to-end
 * figure is also given from the record {@code --warm-up} on ("steady"), once the JIT has compiled the stream path.
 * <pre>EmbedderPerf [--pack synthetic|synthetic-fp16|vit-b32-shaped] [--images N] [--rate PER_S] [--fresh N]
 *              [--profile true] [--warm-up RECORDS]</pre>
 * With {@code --profile true} the end-to-end phase is CPU-sampled (async-profiler, every thread of this JVM, ONNX
 * Runtime's native ones included) from the record {@code --warm-up} on (default: a fifth of
 * the images) and a table of CPU microseconds per image for each pipeline stage is printed,
 * with the Kafka broker's and OpenSearch's CPU per image over the same phase when they run on this host.
 * Everything else comes from the usual configuration (CIRSTREAM_* environment), e.g. embedder.batch-size.
 */
public final class EmbedderPerf {
    /** Tiles kept in memory for the raw encoder and the freshness phase; the backlog is rendered as it is sent. */
    private static final int SAMPLE_TILES = 2048;
    private final boolean profile;
    private final int warmUp;

    private EmbedderPerf(boolean profile, int warmUp) {
        this.profile = profile;
        this.warmUp = warmUp;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = PerfArgs.parse(args);
        int images = Integer.parseInt(opts.getOrDefault("images", "2000"));
        new EmbedderPerf(Boolean.parseBoolean(opts.getOrDefault("profile", "false")),
                Integer.parseInt(opts.getOrDefault("warm-up", Integer.toString(images / 5)))).run(
                opts.getOrDefault("pack", PackGenerator.SYNTHETIC), images, Double.parseDouble(opts.getOrDefault("rate", "50")),
                Integer.parseInt(opts.getOrDefault("fresh", "500")));
    }

    private void run(String packKind, int images, double rate, int freshCount) throws Exception {
        Path work = Files.createTempDirectory("cirstream-embedder-bench");
        Path pack = PackGenerator.generate(packKind, work.resolve(packKind));
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        EmbedderConfig config = EmbedderConfig.from(isolated(name, pack, work));
        // Only a sample stays in memory: 96,000 rendered tiles held through the run (1.6 GB) made the measured JVM's
        // GC mark them again and again, a cost the embedder alone never has.
        List<BufferedImage> sample = GalleryRecords.tiles(Math.min(images, SAMPLE_TILES));
        System.out.printf(Locale.ROOT, "pack %s, %d images (%dx%d PNG, inline), batch %d, linger %d ms, %d cores%n",
                packKind, images, sample.getFirst().getWidth(), sample.getFirst().getHeight(), config.batch().size(),
                config.batch().linger().toMillis(), Runtime.getRuntime().availableProcessors());

        double raw = rawThroughput(config, sample, images);
        try (KafkaProducer<String, byte[]> producer = KafkaSetup.producer(config.kafka(), name)) {
            TopicSetup.ensure(config.kafka(), config.topics());
            for (int i = 0; i < images; i++) {
                producer.send(record(config, "img-" + i, GalleryRecords.png(GalleryRecords.tile(i))));
            }
            producer.flush();
            try (EmbedderService service = new EmbedderService(config).start()) {
                Throughput e2e = endToEndThroughput(config, service, images);
                System.out.printf(Locale.ROOT, "raw encoder: %.1f images/s; end-to-end embedder (committed and searchable): %.1f images/s; "
                        + "ratio %.2f; steady, from record %d on: %.1f images/s%n", raw, e2e.whole(), e2e.whole() / raw,
                        e2e.steadyFrom(), e2e.steady());
                freshness(config, producer, sample, rate, freshCount);
            }
        } finally {
            cleanUp(config, name);
        }
    }

    /** Encodes {@code images} images, going round {@code tiles} in batches, with nothing else in the way. */
    private static double rawThroughput(EmbedderConfig config, List<BufferedImage> tiles, int images) {
        try (ModelRuntime runtime = ModelRuntime.load(config.pack(), config.runtime())) {
            ImageEncoder encoder = runtime.images();
            int batch = Math.min(config.batch().size(), tiles.size());
            encoder.encode(tiles.subList(0, batch));
            long start = System.nanoTime();
            int encoded = 0;
            while (encoded < images) {
                int from = encoded % tiles.size();
                int count = Math.min(Math.min(batch, images - encoded), tiles.size() - from);
                encoder.encode(tiles.subList(from, from + count));
                encoded += count;
            }
            return encoded / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * From the first record read until every image is searchable: counted by OpenSearch's {@code _count}, which sees
     * only refreshed documents, on an index the sink fills from the vectors topic read_committed. So the clock stops
     * when the last vector is committed and searchable, not when the stream hands it on (the {@code vectorsOut}
     * counter, before the transaction commits and before OpenSearch indexes it). Start-up is not counted. The steady
     * figure starts its clock at the warm-up record instead: a run of a few thousand images is otherwise largely the
     * JIT compiling the stream path, which a service that has been up for minutes no longer pays.
     */
    private Throughput endToEndThroughput(EmbedderConfig config, EmbedderService service, int images)
            throws InterruptedException {
        String countPath = "/" + config.openSearch().indexAlias() + "/_count";
        long first = 0;
        long warm = 0;
        long readAtWarm = 0;
        StageProfile stages = null;
        try (OpenSearchClient client = new OpenSearchClient(config.openSearch())) {
            while (true) {
                EmbedderMetrics.Snapshot now = service.metrics().snapshot();
                long read = now.recordsIn();
                if (first == 0 && read > 0) {
                    first = System.nanoTime();
                }
                if (warm == 0 && read >= warmUp) {
                    warm = System.nanoTime();
                    readAtWarm = read;
                    stages = profile ? StageProfile.start() : null;
                }
                // A _count is a search OpenSearch serves beside the indexing (at 50 a second, 8% of its CPU): ask
                // only once the sink has indexed every image and only the refresh is left to wait for.
                if (now.indexed() + now.versionConflicts() >= images && searchable(client, countPath) >= images) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        long end = System.nanoTime();
        if (stages != null) {
            System.out.print(stages.stop(images - readAtWarm));
        }
        double steady = warm == 0 || readAtWarm >= images ? Double.NaN : (images - readAtWarm) / ((end - warm) / 1e9);
        return new Throughput(images / ((end - first) / 1e9), steady, readAtWarm);
    }

    /** Images per second over the whole run, and from the warm-up record on (NaN when the run was shorter). */
    private record Throughput(double whole, double steady, long steadyFrom) {
    }

    private static long searchable(OpenSearchClient client, String countPath) {
        OpenSearchClient.Response response = client.send("GET", countPath, null);
        return response.ok() ? response.body().path("count").asLong() : 0;
    }

    private void freshness(EmbedderConfig config, KafkaProducer<String, byte[]> producer, List<BufferedImage> tiles,
                           double rate, int count) throws InterruptedException {
        List<byte[]> pngs = tiles.stream().limit(100).map(GalleryRecords::png).toList();
        try (OpenSearchClient client = new OpenSearchClient(config.openSearch())) {
            FreshnessProbe probe = new FreshnessProbe(client, config.openSearch().indexAlias());
            Thread sender = Thread.ofPlatform().name("bench-sender").start(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    String id = "fresh-" + i;
                    probe.sent(id);
                    producer.send(record(config, id, pngs.get(i % pngs.size())));
                }
                producer.flush();
            });
            List<Double> latencies = probe.awaitAll(sender::isAlive, System.nanoTime() + Duration.ofMinutes(5).toNanos());
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "freshness at %.0f images/s (refresh_interval %s, %d events, %d never seen): "
                            + "p50 %.0f ms, p99 %.0f ms%n", rate, config.index().refreshInterval(), count, probe.pending(),
                    NearestRank.of(sorted, 0.50), NearestRank.of(sorted, 0.99));
        }
    }

    private static ProducerRecord<String, byte[]> record(EmbedderConfig config, String id, byte[] png) {
        return GalleryRecords.upsert(config.topics().gallery(), id, png);
    }

    /** The usual settings with the run's own pack, topics, index, Streams application and state: nothing shared. */
    static Settings isolated(String name, Path pack, Path work) {
        return Settings.load(Optional.empty()).with(Map.of(EmbedderConfig.PACK.name(), pack.toString(),
                EmbedderConfig.TOPIC_PREFIX.name(), name + ".", OpenSearchConfig.INDEX_ALIAS.name(), name,
                EmbedderConfig.APPLICATION_ID.name(), name, EmbedderConfig.STATE_DIR.name(), work.resolve("state").toString()));
    }

    /** Deletes a run's index (every version behind its alias) and its topics, Kafka Streams' internal ones included. */
    static void cleanUp(EmbedderConfig config, String name) {
        try (OpenSearchClient client = new OpenSearchClient(config.openSearch())) {
            client.send("DELETE", "/" + name + "-v1-*", null);
        }
        PerfTopics.deleteWithPrefix(config.kafka(), name);
    }
}
