package io.cirstream.tools.perf;

import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.contract.topic.KafkaSetup;
import io.cirstream.contract.topic.TopicSetup;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.embedder.app.EmbedderService;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Embedder instances sharing one backlog: for each instance count, the same images are published to fresh topics,
 * that many embedder instances (each with its own state dir and static member name, as on separate machines) are
 * started together, and the drain rate (first record read until every image is searchable) is printed with the
 * records each instance read. Needs the local Kafka and OpenSearch.
 * <pre>ScaleOutPerf [--pack synthetic] [--images N] [--instances 1,2]</pre>
 * Everything else comes from the usual configuration (CIRSTREAM_* environment), e.g. kafka.partitions.
 */
public final class ScaleOutPerf {
    private static final long WORLD_SEED = 3;
    private final GalleryEventCodec codec = new GalleryEventCodec();

    private ScaleOutPerf() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = PerfArgs.parse(args);
        int[] counts = Arrays.stream(opts.getOrDefault("instances", "1,2").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        new ScaleOutPerf().run(opts.getOrDefault("pack", PackGenerator.SYNTHETIC),
                Integer.parseInt(opts.getOrDefault("images", "3000")), counts);
    }

    private void run(String packKind, int images, int[] counts) throws Exception {
        Path work = Files.createTempDirectory("cirstream-scale-out");
        Path pack = PackGenerator.generate(packKind, work.resolve(packKind));
        List<byte[]> pngs = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            pngs.add(png(i));
        }
        System.out.printf(Locale.ROOT, "pack %s, %d images (inline PNG), %d cores%n", packKind, images,
                Runtime.getRuntime().availableProcessors());
        for (int instances : counts) {
            double rate = drain(work, pack, pngs, instances);
            System.out.printf(Locale.ROOT, "%d instance(s): %.1f images/s end to end (committed and searchable)%n",
                    instances, rate);
        }
    }

    /** Publishes the backlog to a fresh deployment, starts {@code instances} embedders on it, returns images/s. */
    private double drain(Path work, Path pack, List<byte[]> pngs, int instances) throws Exception {
        String name = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        Settings settings = Settings.load(Optional.empty()).with(Map.of(EmbedderConfig.PACK.name(), pack.toString(),
                EmbedderConfig.TOPIC_PREFIX.name(), name + ".", OpenSearchConfig.INDEX_ALIAS.name(), name,
                EmbedderConfig.APPLICATION_ID.name(), name, EmbedderConfig.METRICS_PORT.name(), "-1"));
        EmbedderConfig base = EmbedderConfig.from(settings);
        try {
            TopicSetup.ensure(base.kafka(), base.topics());
            try (KafkaProducer<String, byte[]> producer = KafkaSetup.producer(base.kafka(), name)) {
                for (int i = 0; i < pngs.size(); i++) {
                    GalleryEvent event = GalleryEvent.upsert("img-" + i, ImageRef.inline(pngs.get(i), "image/png"),
                            ImageMetadata.inCollection("bench"), System.currentTimeMillis());
                    producer.send(new ProducerRecord<>(base.topics().gallery(), "img-" + i, codec.encode(event)));
                }
                producer.flush();
            }
            List<EmbedderService> services = new ArrayList<>();
            try {
                for (int n = 0; n < instances; n++) {
                    services.add(new EmbedderService(EmbedderConfig.from(settings.with(Map.of(
                            EmbedderConfig.STATE_DIR.name(), work.resolve(name + "-state-" + n).toString(),
                            EmbedderConfig.INSTANCE_ID.name(), name + "-" + n)))));
                }
                // Started in parallel, as on separate machines: one after the other, the first would drain part of
                // the backlog alone while the next loads its model.
                services.parallelStream().forEach(EmbedderService::start);
                double rate = drainRate(base, services, pngs.size());
                List<Long> read = services.stream().map(s -> s.metrics().snapshot().recordsIn()).toList();
                System.out.printf(Locale.ROOT, "%d instance(s), %d gallery partitions: records read per instance %s%n",
                        instances, base.kafka().partitions(), read);
                return rate;
            } finally {
                services.forEach(EmbedderService::close);
            }
        } finally {
            try (OpenSearchClient client = new OpenSearchClient(base.openSearch())) {
                client.send("DELETE", "/" + name + "-v1-*", null);
            }
            PerfTopics.deleteWithPrefix(base.kafka(), name);
        }
    }

    /** From the first record any instance reads until every image is searchable (start-up is not counted). */
    private static double drainRate(EmbedderConfig config, List<EmbedderService> services, int images)
            throws InterruptedException {
        String count = "/" + config.openSearch().indexAlias() + "/_count";
        long first = 0;
        try (OpenSearchClient client = new OpenSearchClient(config.openSearch())) {
            while (searchable(client, count) < images) {
                if (first == 0 && services.stream().anyMatch(s -> s.metrics().snapshot().recordsIn() > 0)) {
                    first = System.nanoTime();
                }
                Thread.sleep(20);
            }
        }
        return images / ((System.nanoTime() - first) / 1e9);
    }

    private static long searchable(OpenSearchClient client, String countPath) {
        OpenSearchClient.Response response = client.send("GET", countPath, null);
        return response.ok() ? response.body().path("count").asLong() : 0;
    }

    private static byte[] png(int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(TileRenderer.render(SyntheticWorld.tile(WORLD_SEED, index)), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
