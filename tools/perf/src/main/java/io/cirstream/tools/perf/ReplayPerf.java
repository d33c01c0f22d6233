package io.cirstream.tools.perf;

import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.ReplaySummary;
import io.cirstream.ingest.replay.Replayer;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.tools.world.SyntheticWorld;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Replay throughput on a generated synthetic benchmark: {@code ReplayPerf [images] [queries]}. Generates
 * the world once, replays it with header probing and then with full decoding into throwaway topics (deleted
 * afterwards), and prints events/s and MB/s for each. Kafka comes from the usual configuration
 * ({@code CIRSTREAM_KAFKA_BOOTSTRAP}, default 127.0.0.1:9092).
 */
public final class ReplayPerf {

    private ReplayPerf() {
    }

    public static void main(String[] args) throws IOException {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        KafkaConfig kafka = KafkaConfig.from(Settings.load(Optional.empty()));
        Path world = Files.createTempDirectory("cirstream-replay-bench");
        try {
            long start = System.nanoTime();
            SyntheticWorld.generate(1, images, queries, world);
            System.out.printf("generated %d images, %d queries in %.1f s (%s)%n", images, queries,
                    (System.nanoTime() - start) / 1e9, world);
            measure(kafka, world, 500, false, "warm-up on 500 images (JIT, connections; not a figure)");
            measure(kafka, world, 0, false, "validation=header-probe");
            measure(kafka, world, 0, true, "validation=full-decode");
        } finally {
            deleteTree(world);
        }
    }

    private static void measure(KafkaConfig kafka, Path world, long limit, boolean decode, String label) {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        ReplayOptions options = new ReplayOptions(Benchmark.SYNTHETIC, world, SyntheticWorld.DEFAULT_SPLIT, null, null,
                limit, 0, decode, null, kafka, topics);
        try {
            ReplaySummary summary = Replayer.run(options, new PrintStream(OutputStream.nullOutputStream()));
            System.out.printf("%s: %d gallery + %d queries + 1 receipt, %.1f MB of images in %.2f s: "
                            + "%.0f events/s, %.1f MB/s%n", label,
                    summary.receipt().galleryCount(), summary.receipt().queryCount(), summary.galleryBytes() / 1e6,
                    summary.elapsed().toNanos() / 1e9, summary.eventsPerSecond(), summary.megabytesPerSecond());
        } finally {
            deleteTopics(kafka, options);
        }
    }

    private static void deleteTopics(KafkaConfig kafka, ReplayOptions options) {
        String collection = options.collection();
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            admin.deleteTopics(List.of(options.topics().benchmarkGallery(collection),
                    options.topics().benchmarkQueries(collection), options.topics().benchmarkReceipt(collection)));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
