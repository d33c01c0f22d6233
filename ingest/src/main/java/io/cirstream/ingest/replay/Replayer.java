package io.cirstream.ingest.replay;

import io.cirstream.contract.event.ReplayReceipt;
import io.cirstream.contract.event.ReplayReceiptCodec;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.contract.event.BenchmarkQueryCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.publisher.GalleryPublisher;
import io.cirstream.contract.topic.KafkaSetup;
import io.cirstream.publisher.IngestSource;
import io.cirstream.publisher.PublishBatch;
import io.cirstream.publisher.PublishResult;
import io.cirstream.publisher.PublisherOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * {@code cirstream replay}: parses a benchmark split and publishes it for live evaluation. Gallery images go
 * through the {@link GalleryPublisher} to {@code gallery.bench.<collection>} (collection =
 * {@code <benchmark>-<split>}), queries to {@code bench.<collection>.queries}, and only after every one of those
 * records is acknowledged, a {@link ReplayReceipt} to {@code bench.<collection>.receipt}: an evaluator that
 * sees the receipt knows how many images the collection holds.
 */
public final class Replayer {

    private Replayer() {
    }

    public static ReplaySummary run(ReplayOptions options, PrintStream err) {
        long start = System.nanoTime();
        String runId = ReplayRun.newId(Instant.now());
        String collection = options.collection();
        BenchmarkParser parser = options.benchmark().parser(options.root(), options.parser());
        BenchmarkData parsed = parser.parse(options.split(), new ProblemLog(options.onProblem()));
        BenchmarkData data = parsed.limited(options.limit());
        ReplayChecks checks = new ReplayChecks(collection, parser.expectedImages(options.split()),
                options.maxProblems(), options.problemsDir().resolve(collection + "-" + runId + ".problems.txt"));
        checks.beforePublishing(parsed, data);
        String galleryTopic = options.topics().benchmarkGallery(collection);
        String queryTopic = options.topics().benchmarkQueries(collection);
        String receiptTopic = options.topics().benchmarkReceipt(collection);
        KafkaSetup.ensureTopics(options.kafka(), List.of(galleryTopic, queryTopic, receiptTopic));
        try (KafkaProducer<String, byte[]> producer = KafkaSetup.producer(options.kafka(), "cirstream-replay")) {
            GalleryPublisher publisher = GalleryPublisher.sharing(publisherOptions(options, galleryTopic, data), producer);
            PublishBatch.Outcome gallery = publishGallery(publisher, data, collection, runId, err);
            refuseUnacknowledged(gallery, galleryTopic);
            checks.afterGallery(parsed, gallery.accepted(), gallery.rejected());
            List<BenchmarkQuery> queries = answerable(data.queries(), gallery.rejected(), err);
            publishQueries(producer, queryTopic, queries, runId);
            ReplayReceipt receipt = new ReplayReceipt(data.benchmark(), data.split(), collection,
                    gallery.accepted(), queries.size(), data.source().toString(), Instant.now());
            await(producer.send(stamped(new ProducerRecord<>(receiptTopic, collection,
                    new ReplayReceiptCodec().encode(receipt)), runId)), "receipt");
            ReplaySummary summary = new ReplaySummary(runId, receipt, gallery.rejected(), data.problems(),
                    gallery.bytes(), Duration.ofNanos(System.nanoTime() - start),
                    checks.write(data.problems(), gallery.rejected()));
            summary.print(err);
            return summary;
        }
    }

    /**
     * One record per image id. An image in several categories (a FashionIQ ASIN listed for shirt and toptee) is
     * one document whose {@code category} is the first and whose {@code tags} name every category it belongs to:
     * eval restricts a query to its category's gallery with a {@code tags} filter, so the image is found in each.
     */
    private static PublishBatch.Outcome publishGallery(GalleryPublisher publisher, BenchmarkData data,
                                                       String collection, String runId, PrintStream err) {
        Map<String, List<GalleryImage>> byId = new LinkedHashMap<>();
        data.gallery().forEach(image -> byId.computeIfAbsent(image.id(), id -> new ArrayList<>()).add(image));
        List<IngestSource> sources = byId.values().stream().map(listings -> {
            GalleryImage image = listings.getFirst();
            List<String> categories = listings.stream().map(GalleryImage::category).filter(Objects::nonNull)
                    .distinct().toList();
            return new IngestSource(image.id(), image.file().toUri(), new ImageMetadata(collection, image.category(),
                    null, null, null, data.benchmark(), categories,
                    Map.of("split", data.split(), ReplayRun.ATTRIBUTE, runId)),
                    image.file().toString());
        }).toList();
        return PublishBatch.publish(publisher, sources, Duration.ofSeconds(10), err);
    }

    private static void publishQueries(Producer<String, byte[]> producer, String topic, List<BenchmarkQuery> queries,
                                       String runId) {
        BenchmarkQueryCodec codec = new BenchmarkQueryCodec();
        List<Future<?>> sends = new ArrayList<>(queries.size());
        for (BenchmarkQuery query : queries) {
            sends.add(producer.send(stamped(new ProducerRecord<>(topic, query.queryId(), codec.encode(query)), runId)));
        }
        producer.flush();
        for (Future<?> send : sends) {
            await(send, "query");
        }
    }

    /**
     * An image Kafka never acknowledged says nothing about the benchmark: leaving its queries out would quietly
     * shrink the evaluation, so the replay stops before writing a receipt instead.
     */
    private static void refuseUnacknowledged(PublishBatch.Outcome gallery, String topic) {
        List<PublishResult.Rejected> unacknowledged = gallery.unacknowledged();
        if (!unacknowledged.isEmpty()) {
            throw new IllegalStateException("Kafka did not acknowledge " + unacknowledged.size() + " gallery images on "
                    + topic + " (first: " + unacknowledged.getFirst().id() + ": " + unacknowledged.getFirst().message()
                    + "); the receipt was not written. Check the broker, then replay again: records are keyed "
                    + "by id, so a second replay only overwrites what arrived");
        }
    }

    /** Queries naming a refused gallery image cannot be evaluated fairly; they are left out, and counted. */
    private static List<BenchmarkQuery> answerable(List<BenchmarkQuery> queries, List<PublishResult.Rejected> rejected,
                                                   PrintStream err) {
        if (rejected.isEmpty()) {
            return queries;
        }
        Set<String> missing = rejected.stream().map(PublishResult.Rejected::id).collect(Collectors.toSet());
        List<BenchmarkQuery> kept = queries.stream().filter(q -> !missing.contains(q.referenceId())
                && q.targetIds().stream().noneMatch(missing::contains)
                && q.subsetMembers().stream().noneMatch(missing::contains)).toList();
        err.printf("replay: %d queries left out because an image they name was rejected%n", queries.size() - kept.size());
        return kept;
    }

    private static PublisherOptions publisherOptions(ReplayOptions options, String topic, BenchmarkData data) {
        List<Path> roots = data.gallery().stream().map(image -> image.file().getParent())
                .distinct().toList();
        return PublisherOptions.defaults(options.kafka(), topic)
                .withAllowedRoots(roots)
                .withLimits(options.imageLimits())
                .withVerifyDecode(options.verifyDecode())
                .withRate(options.rate());
    }

    private static ProducerRecord<String, byte[]> stamped(ProducerRecord<String, byte[]> record, String runId) {
        ReplayRun.stamp(record.headers(), runId);
        return record;
    }

    private static void await(Future<?> send, String what) {
        try {
            send.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a " + what + " record was not acknowledged by Kafka; the receipt was "
                    + "not written: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }
}
