package io.cirstream.embedder.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.KafkaSetup;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.ingest.catalogue.CatalogueMapping;
import io.cirstream.ingest.catalogue.CatalogueStream;
import io.cirstream.ingest.catalogue.ProductMapper;
import io.cirstream.testkit.LoopbackServer;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, a catalogue connected by its own topic: product records mapped by {@code source.shop.*} (JSON pointers,
 * a delete rule) through {@link CatalogueStream} into the gallery topic, embedded from a loopback CDN and indexed.
 * Updates that change a product's image list, an out-of-stock record and a tombstone end in the right index state;
 * a malformed record is a dead letter and stops nothing.
 */
@IntegrationTest
class CatalogueIntegrationTest {
    @TempDir
    Path embedderState;
    @TempDir
    Path catalogueState;

    @Test
    void aMappedCatalogueTopicEndsInTheRightIndexState() throws Exception {
        try (Cdn cdn = new Cdn()) {
            String topic = LocalInfra.uniqueName("shop.products");
            try (EmbedderHarness h = new EmbedderHarness(embedderState, cdn.settings());
                 EmbedderService embedder = h.start()) {
                KafkaConfig kafka = KafkaConfig.from(h.settings());
                KafkaSetup.ensureTopics(kafka, List.of(topic));
                CatalogueMapping mapping = CatalogueMapping.from(Settings.of(Map.of(
                        "source.shop.topic", topic, "source.shop.id", "/sku", "source.shop.image-urls", "/images",
                        "source.shop.collection", "shop", "source.shop.metadata.category", "/category",
                        "source.shop.delete-when", "/in_stock == false")), "shop");
                try (CatalogueStream catalogue = CatalogueStream.start(mapping, kafka, h.topics(), catalogueState);
                     Catalogue shop = new Catalogue(topic)) {
                    assertThat(catalogue.state().hasCompletedShutdown()).isFalse();
                    shop.send("p1", product("p1", cdn, "a", "b"));
                    shop.send("p2", product("p2", cdn, "c"));
                    shop.send("p3", product("p3", cdn, "d", "e"));
                    await("five images of three products indexed", () -> h.documentCount() == 5);
                    assertThat(indexed(h)).containsEntry(image("p1", cdn, "a"), "p1").containsEntry(image("p3", cdn, "e"), "p3");

                    shop.send("p1", product("p1", cdn, "b", "f"));
                    shop.send("p2", "{\"sku\":\"p2\",\"in_stock\":false}");
                    shop.send("p3", null);
                    shop.send("p4", "{\"sku\":\"p4\",\"images\":");
                    await("only p1's current images left", () -> h.documentCount() == 2
                            && indexed(h).containsKey(image("p1", cdn, "f")));
                    assertThat(indexed(h)).isEqualTo(new TreeMap<>(Map.of(image("p1", cdn, "b"), "p1",
                            image("p1", cdn, "f"), "p1")));
                    JsonNode doc = h.documentsWithImageId(image("p1", cdn, "f")).get(0).path("_source");
                    assertThat(doc.path("collection").asText()).isEqualTo("shop");
                    assertThat(doc.path("category").asText()).isEqualTo("dress");
                    assertThat(doc.path("image_uri").asText()).isEqualTo(cdn.http("/f.png").toString());

                    await("the malformed record dead-lettered", () -> !h.readAll(h.topics().deadLetters()).isEmpty());
                    List<ConsumerRecord<byte[], byte[]>> letters = h.readAll(h.topics().deadLetters());
                    assertThat(letters).hasSize(1);
                    assertThat(EmbedderHarness.stage(letters.get(0))).isEqualTo("map");
                    assertThat(EmbedderHarness.reason(letters.get(0))).contains("not valid JSON");

                    shop.send("p2", product("p2", cdn, "c"));
                    await("p2 back in stock", () -> h.documentCount() == 3);
                }
                assertThat(embedder.streamState()).hasValueSatisfying(s -> assertThat(s.isRunningOrRebalancing()).isTrue());
            }
        }
    }

    private static String product(String sku, Cdn cdn, String... images) {
        List<String> urls = new ArrayList<>();
        for (String name : images) {
            urls.add("\"" + cdn.http("/" + name + ".png") + "\"");
        }
        return "{\"sku\":\"" + sku + "\",\"category\":\"dress\",\"in_stock\":true,\"images\":[" + String.join(",", urls) + "]}";
    }

    private static String image(String sku, Cdn cdn, String name) {
        return ProductMapper.imageId(sku, cdn.http("/" + name + ".png").toString());
    }

    /** Image id → product of every indexed document. */
    private static Map<String, String> indexed(EmbedderHarness h) {
        Map<String, String> out = new TreeMap<>();
        h.openSearch().call("POST", "/" + h.alias() + "/_search", "{\"size\":100,\"_source\":[\"id\",\"product\"]}")
                .path("hits").path("hits").forEach(hit -> out.put(hit.path("_source").path("id").asText(),
                        hit.path("_source").path("product").asText()));
        return out;
    }

    /**
     * A loopback CDN serving six tiles, a.png to f.png. Plain HTTP only: ImageServers' S3 server does not start on
     * this classpath (opensearch-java's jakarta.annotation-api 1.3.5 wins over the 2.0 s3proxy needs).
     */
    private static final class Cdn implements AutoCloseable {
        private final LoopbackServer server = new LoopbackServer();

        Cdn() throws Exception {
            for (String name : List.of("a", "b", "c", "d", "e", "f")) {
                byte[] png = GalleryFixtures.png(GalleryFixtures.tile(name.charAt(0)));
                server.route("/" + name + ".png", exchange -> LoopbackServer.send(exchange, 200, png));
            }
        }

        URI http(String path) {
            return server.uri(path);
        }

        Map<String, String> settings() {
            return Map.of("remote.allowed-hosts", server.hostPort());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The catalogue's own producer: string keys and JSON values, record times one millisecond apart. */
    private static final class Catalogue implements AutoCloseable {
        private final String topic;
        private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer());
        private long time = System.currentTimeMillis() - 60_000;

        Catalogue(String topic) {
            this.topic = topic;
        }

        void send(String key, String json) throws Exception {
            producer.send(new ProducerRecord<>(topic, null, ++time, key, json)).get();
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
