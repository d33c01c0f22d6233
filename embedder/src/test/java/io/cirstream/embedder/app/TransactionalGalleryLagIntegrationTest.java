package io.cirstream.embedder.app;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.embedder.ops.GroupLag;
import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.key;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalogue may publish its gallery in transactions (exactly-once from its own database), which leaves commit
 * markers and aborted records on the gallery topic as the embedder leaves them on the vectors topic. Both consumer
 * groups must still come down to a lag of zero once everything committed is indexed, or a caught-up deployment
 * alerts for good.
 */
@IntegrationTest
class TransactionalGalleryLagIntegrationTest {
    @TempDir
    Path stateDir;

    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void bothGroupsReachZeroLagOnATransactionallyWrittenGallery() throws Exception {
        int images = 12;
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of());
             EmbedderService service = h.start();
             var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, h.alias() + "-catalogue"),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int from = 0; from < images; from += 4) {
                producer.beginTransaction();
                for (int i = from; i < from + 4; i++) {
                    producer.send(new ProducerRecord<>(h.topics().gallery(), null, 1_000L + i, key(id(i)),
                            tileEvent(i, 1_000 + i)));
                }
                producer.commitTransaction();
            }
            // The log ends with an aborted transaction: records no read-committed consumer receives.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(h.topics().gallery(), null, 5_000L, key(id(99)), tileEvent(99, 5_000)));
            producer.flush();
            producer.abortTransaction();

            await(images + " documents", () -> h.documentCount() == images);
            KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 1, (short) 1);
            String sinkGroup = sinkGroup(h);
            try (GroupLag stream = new GroupLag(kafka, h.alias(), h.topics().gallery()::equals);
                 GroupLag sink = new GroupLag(kafka, sinkGroup, h.topics().vectors()::equals)) {
                await("zero lag on both groups", () -> total(stream) == 0 && total(sink) == 0);
            }
            assertThat(h.document(id(99)).path("found").asBoolean()).as("the aborted image").isFalse();
        }
    }

    /** The sink's group: the configured one, per concrete index behind the alias, as the embedder names it. */
    private static String sinkGroup(EmbedderHarness h) {
        String index = GalleryIndexAdmin.describe(h.openSearch(), h.alias()).index();
        return EmbedderConfig.from(h.settings()).indexer().forIndex(index).groupId();
    }

    private static long total(GroupLag lag) {
        try {
            List<GroupLag.PartitionLag> lags = lag.measure();
            return lags.isEmpty() ? -1 : GroupLag.total(lags);
        } catch (GroupLag.LagUnavailableException e) {
            return -1;
        }
    }
}
