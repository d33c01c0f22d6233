package io.cirstream.publisher;

import io.cirstream.publisher.IngestSource;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.testkit.TestImages;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Resending what Kafka did not acknowledge, against a producer that expires chosen records. */
class PublishBatchTest {
    private static final KafkaConfig KAFKA = new KafkaConfig("127.0.0.1:9092", 1, (short) 1);

    @TempDir
    Path root;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void recordsKafkaDidNotAcknowledgeAreSentAgainAndCountedOnce() throws IOException {
        ExpiringProducer producer = new ExpiringProducer(Map.of("b", 1, "c", PublishBatch.SEND_ROUNDS - 1));

        PublishBatch.Outcome outcome = publish(producer, List.of("a", "b", "c", "d"));

        assertThat(outcome.accepted()).isEqualTo(4);
        assertThat(outcome.rejected()).isEmpty();
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(producer.attempts).containsEntry("b", 2).containsEntry("c", PublishBatch.SEND_ROUNDS);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("did not acknowledge 2 images", "Expiring");
    }

    @Test
    void aRecordNeverAcknowledgedIsReportedAsSendFailedAfterTheLastRound() throws IOException {
        ExpiringProducer producer = new ExpiringProducer(Map.of("b", Integer.MAX_VALUE));

        PublishBatch.Outcome outcome = publish(producer, List.of("a", "b"));

        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.unacknowledged()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("b");
            assertThat(r.message()).contains("Expiring");
        });
        assertThat(producer.attempts).containsEntry("b", PublishBatch.SEND_ROUNDS);
    }

    @Test
    void aValidationRefusalIsFinalAndNotResent() throws IOException {
        ExpiringProducer producer = new ExpiringProducer(Map.of());
        Files.writeString(root.resolve("bad.png"), "not an image");
        List<IngestSource> sources = new ArrayList<>(sources(List.of("a")));
        sources.add(new IngestSource("bad", root.resolve("bad.png").toUri(), ImageMetadata.inCollection("c"), "bad.png"));

        PublishBatch.Outcome outcome = PublishBatch.publish(publisher(producer), sources, Duration.ofHours(1),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.UNSUPPORTED));
        assertThat(outcome.unacknowledged()).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("did not acknowledge");
    }

    private PublishBatch.Outcome publish(ExpiringProducer producer, List<String> ids) throws IOException {
        return PublishBatch.publish(publisher(producer), sources(ids), Duration.ofHours(1),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private GalleryPublisher publisher(ExpiringProducer producer) {
        return new GalleryPublisher(PublisherOptions.defaults(KAFKA, "gallery").withAllowedRoots(List.of(root)),
                producer, true, Clock.systemUTC());
    }

    private List<IngestSource> sources(List<String> ids) throws IOException {
        List<IngestSource> sources = new ArrayList<>();
        for (String id : ids) {
            Path file = Files.write(root.resolve(id + ".png"), TestImages.png(8, 8));
            sources.add(new IngestSource(id, file.toUri(), ImageMetadata.inCollection("c"), file.toString()));
        }
        return sources;
    }

    /** Fails the first {@code failures.get(key)} sends of a key the way an expired producer batch does. */
    private static final class ExpiringProducer extends MockProducer<String, byte[]> {
        private final Map<String, Integer> failures;
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();

        ExpiringProducer(Map<String, Integer> failures) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.failures = failures;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            int attempt = attempts.merge(record.key(), 1, Integer::sum);
            if (attempt <= failures.getOrDefault(record.key(), 0)) {
                TimeoutException expired = new TimeoutException("Expiring 1 record(s) for gallery-0: 120000 ms has "
                        + "passed since batch creation");
                callback.onCompletion(null, expired);
                return CompletableFuture.failedFuture(expired);
            }
            return super.send(record, callback);
        }
    }
}
