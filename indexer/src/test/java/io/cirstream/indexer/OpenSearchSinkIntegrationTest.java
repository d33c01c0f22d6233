package io.cirstream.indexer;

import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.topic.TopicSetup;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.testkit.Await;
import io.cirstream.testkit.GroupOffsets;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.testkit.TestThreads;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While OpenSearch is unreachable the sink retries and commits nothing, so a sink started later (after a restart,
 * OpenSearch back) indexes every vector. The first sink is stopped in the middle of a failing request, which must be
 * a clean stop, not a sink failure.
 */
@IntegrationTest
class OpenSearchSinkIntegrationTest {
    private static final int DOCUMENTS = 50;
    private static final String MODEL = "m1";

    @Test
    void whileOpenSearchIsUnreachableNothingIsCommittedAndALaterSinkIndexesEverything() throws Exception {
        String name = LocalInfra.uniqueName("sink");
        Topics topics = new Topics(name + ".");
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 2, (short) 1);
        IndexerOptions options = new IndexerOptions(name, 20, 1 << 20, Duration.ofMillis(50), Duration.ofMillis(400),
                Duration.ofSeconds(6), "");
        try (OpenSearchClient openSearch = LocalInfra.openSearch()) {
            TopicSetup.ensure(kafka, topics);
            String index = GalleryIndexAdmin.ensure(openSearch, name, 2, SpaceType.COSINE, MODEL, IndexSettings.defaults("1s"));
            produceVectors(topics);

            try (DeadEndpoint down = new DeadEndpoint();
                 OpenSearchClient unreachable = new OpenSearchClient(new OpenSearchConfig(down.url(), "", "", name))) {
                runIndexer(new VectorIndexer(kafka, topics, unreachable, index, MODEL, options, new IndexerMetrics()),
                        () -> down.connections() >= 5);
            }
            assertThat(GroupOffsets.committed(options.groupId())).as("offsets committed while OpenSearch was down").isEmpty();
            assertThat(count(openSearch, name)).isZero();

            runIndexer(new VectorIndexer(kafka, topics, openSearch, index, MODEL, options, new IndexerMetrics()),
                    () -> count(openSearch, name) == DOCUMENTS);
            assertThat(GroupOffsets.committed(options.groupId()).values().stream().mapToLong(Long::longValue).sum())
                    .as("committed offsets over both partitions").isEqualTo(DOCUMENTS);
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + name + "-v1-*", null);
            }
        }
    }

    private static void produceVectors(Topics topics) {
        VectorEventCodec codec = new VectorEventCodec();
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < DOCUMENTS; i++) {
                String id = "v" + i;
                VectorEvent event = new VectorEvent(id, new float[]{0.6f, 0.8f}, MODEL,
                        ImageMetadata.inCollection("sink-it"), null, null, 100 + i);
                producer.send(new ProducerRecord<>(topics.vectors(), null, 100L + i,
                        id.getBytes(StandardCharsets.UTF_8), codec.encode(event)));
            }
        }
    }

    /** Runs the indexer until the condition holds, stops it and checks it stopped without an error. */
    private static void runIndexer(VectorIndexer indexer, BooleanSupplier until) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("sink-it").uncaughtExceptionHandler((t, e) -> failure.set(e))
                .start(indexer);
        try {
            Await.until("the indexer to get there", Duration.ofMinutes(1), until::getAsBoolean);
        } finally {
            indexer.close();
            // A clean stop is part of what is checked: a sink that does not stop fails here instead of hanging.
            TestThreads.awaitEnd(thread, Duration.ofSeconds(30));
        }
        assertThat(failure.get()).as("indexer failure").isNull();
    }

    private static long count(OpenSearchClient client, String alias) {
        client.call("POST", "/" + alias + "/_refresh", null);
        return client.call("GET", "/" + alias + "/_count", null).path("count").asLong();
    }

    /**
     * A loopback port where OpenSearch is down: every connection is closed before any answer. Unlike a closed
     * port it counts the attempts, so the test knows the sink has tried (and retried) without sleeping.
     */
    private static final class DeadEndpoint implements AutoCloseable {
        private static final Duration HOLD = Duration.ofMillis(300);
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();

        DeadEndpoint() throws IOException {
            Thread.ofVirtual().start(this::refuse);
        }

        private void refuse() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> hangUp(connection));
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Holds the connection a while before closing it, as a stalled node would, so a stop can come mid-request. */
        private static void hangUp(Socket connection) {
            try (connection) {
                Thread.sleep(HOLD.toMillis());
            } catch (IOException | InterruptedException e) {
                // Closed either way; nothing more to do.
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
