package io.cirstream.publisher;

import io.cirstream.contract.topic.KafkaSetup;

import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one way images enter a gallery topic, shared by the CLI, the HTTP ingest endpoint and the benchmark
 * replay. Each submission is validated first (see {@link ImageValidator}); only valid images are sent, keyed by
 * id. Results are futures that complete when Kafka acknowledges, and a refusal is a result, never an exception.
 * Safe for concurrent use (the HTTP endpoint calls it from several workers).
 */
public final class GalleryPublisher implements AutoCloseable {
    private static final String UPLOAD = "upload";

    private final PublisherOptions options;
    private final Producer<String, byte[]> producer;
    private final boolean ownsProducer;
    private final ImageValidator validator;
    private final RateLimiter rate;
    private final GalleryEventCodec codec = new GalleryEventCodec();
    private final Clock clock;

    GalleryPublisher(PublisherOptions options, Producer<String, byte[]> producer, boolean ownsProducer, Clock clock) {
        this.options = options;
        this.producer = producer;
        this.ownsProducer = ownsProducer;
        this.validator = new ImageValidator(options);
        this.rate = new RateLimiter(options.ratePerSecond());
        this.clock = clock;
    }

    /** Creates the topic if missing and a producer this publisher owns and closes. */
    public static GalleryPublisher create(PublisherOptions options) {
        KafkaSetup.ensureTopics(options.kafka(), List.of(options.topic()));
        return new GalleryPublisher(options, KafkaSetup.producer(options.kafka(), options.clientId()), true,
                Clock.systemUTC());
    }

    /** Publishes through a producer the caller owns (and closes), e.g. one a replay also writes queries with. */
    public static GalleryPublisher sharing(PublisherOptions options, Producer<String, byte[]> producer) {
        return new GalleryPublisher(options, producer, false, Clock.systemUTC());
    }

    public CompletableFuture<PublishResult> publish(String id, URI uri, ImageMetadata metadata) {
        try {
            return send(id, uri.toString(), validator.fromUri(uri), metadata);
        } catch (Rejection r) {
            return rejected(id, uri.toString(), r);
        }
    }

    public CompletableFuture<PublishResult> publish(String id, byte[] bytes, ImageMetadata metadata) {
        try {
            return send(id, UPLOAD, validator.fromBytes(bytes), metadata);
        } catch (Rejection r) {
            return rejected(id, UPLOAD, r);
        }
    }

    /** Removes an image: a tombstone for its id. */
    public CompletableFuture<PublishResult> delete(String id) {
        try {
            checkId(id);
        } catch (Rejection r) {
            return rejected(id, "delete", r);
        }
        return sendRecord(id, "delete", null, 0);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.flush();
        if (ownsProducer) {
            producer.close();
        }
    }

    private CompletableFuture<PublishResult> send(String id, String source, ImageValidator.Validated image,
                                                  ImageMetadata metadata) throws Rejection {
        checkId(id);
        GalleryEvent event = GalleryEvent.upsert(id, image.ref(), metadata, clock.millis());
        rate.acquire();
        return sendRecord(id, source, codec.encode(event), image.bytes());
    }

    private CompletableFuture<PublishResult> sendRecord(String id, String source, byte[] value, long bytes) {
        CompletableFuture<PublishResult> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(options.topic(), id, value), (meta, error) -> result.complete(
                    error == null
                            ? new PublishResult.Accepted(id, source, meta.topic(), meta.partition(), meta.offset(), bytes)
                            : new PublishResult.Rejected(id, source, RejectReason.SEND_FAILED, error.toString())));
        } catch (RuntimeException e) {
            result.complete(new PublishResult.Rejected(id, source, RejectReason.SEND_FAILED, e.toString()));
        }
        return result;
    }

    private static void checkId(String id) throws Rejection {
        try {
            GalleryEvent.checkId(id);
        } catch (IllegalArgumentException e) {
            throw new Rejection(RejectReason.INVALID_ID, e.getMessage());
        }
    }

    private static CompletableFuture<PublishResult> rejected(String id, String source, Rejection r) {
        return CompletableFuture.completedFuture(new PublishResult.Rejected(id, source, r.reason(), r.getMessage()));
    }
}
