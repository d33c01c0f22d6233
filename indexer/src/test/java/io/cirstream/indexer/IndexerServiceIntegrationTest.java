package io.cirstream.indexer;

import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.testkit.Await;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The indexer as its own deployable: it finds the index behind the alias and drains the vectors topic into it. */
@IntegrationTest
class IndexerServiceIntegrationTest {
    private static final String MODEL = "m1";

    @Test
    void standaloneIndexerWritesToTheIndexBehindTheAlias() throws Exception {
        String name = LocalInfra.uniqueName("standalone-indexer");
        Topics topics = new Topics(name + ".");
        Map<String, String> settings = Map.of("kafka.bootstrap", LocalInfra.kafkaBootstrap(),
                "opensearch.url", LocalInfra.openSearchUrl(), "opensearch.index", name, "kafka.topic-prefix", name + ".",
                "embedder.sink.linger-ms", "50");
        try (OpenSearchClient client = LocalInfra.openSearch()) {
            assertThatThrownBy(() -> new IndexerService(LocalInfra.settings(settings)).start())
                    .hasMessageContaining("no index behind alias '" + name + "'");
            String index = GalleryIndexAdmin.ensure(client, name, 2, SpaceType.COSINE, MODEL, IndexSettings.defaults("1s"));
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (String id : new String[]{"a", "b", "c"}) {
                    byte[] value = new VectorEventCodec().encode(new VectorEvent(id, new float[]{1, id.charAt(0)}, MODEL,
                            ImageMetadata.inCollection("c"), null, null, 10));
                    producer.send(new ProducerRecord<>(topics.vectors(), id.getBytes(StandardCharsets.UTF_8), value)).get();
                }
            }
            try (IndexerService service = new IndexerService(LocalInfra.settings(settings)).start()) {
                assertThat(service.index()).isEqualTo(index);
                Await.until("3 vectors indexed", Duration.ofMinutes(1), () -> service.metrics().indexed() >= 3);
                assertThat(service.running()).isTrue();
            }
            client.call("POST", "/" + name + "/_refresh", null);
            assertThat(client.call("GET", "/" + name + "/_count", null).path("count").asLong()).isEqualTo(3);
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + name + "-v1-*", null);
            }
        }
    }
}
