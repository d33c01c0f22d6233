package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.cirstream.query.app.ErrorsIntegrationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** /v1/images (through Kafka), /v1/watch (SSE over the vectors topic), /health, /ready, /metrics. */
@IntegrationTest
class ImagesWatchOpsIntegrationTest {
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void postedImageIsPublishedToTheGalleryTopic() throws Exception {
        byte[] png = Files.readAllBytes(api.gallery.byIndex(7).file());
        ApiFixture.Response response = api.postMultipart("/v1/images",
                Map.of("id", "posted-1", "collection", "uploads", "tags", "a, b"), "image", png);
        assertThat(response.status()).as(response.json().toString()).isEqualTo(202);
        assertThat(response.json().path("id").asText()).isEqualTo("posted-1");

        ConsumerRecord<String, byte[]> record = KafkaProbe.find(api.topicPrefix + "gallery", "posted-1").orElseThrow();
        GalleryEvent event = new GalleryEventCodec().decode(record.value());
        assertThat(event.metadata().collection()).isEqualTo("uploads");
        assertThat(event.metadata().tags()).containsExactly("a", "b");
    }

    @Test
    void badUploadsAreRefused() {
        assertError(api.postMultipart("/v1/images", Map.of(), "image", "not an image".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported_image");
        assertError(api.postMultipart("/v1/images", Map.of("id", "x"), "image", null), 400, "missing_image");
        assertError(api.postJson("/v1/images", "{}"), 415, "unsupported_media_type");
    }

    @Test
    void deleteSendsATombstone() {
        ApiFixture.Response response = api.delete("/v1/images/gone-1");
        assertThat(response.status()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record = KafkaProbe.find(api.topicPrefix + "gallery", "gone-1").orElseThrow();
        assertThat(record.value()).isNull();
    }

    @Test
    void metadataAndContentOfIndexedImages() throws Exception {
        SeededGallery.Image image = api.gallery.byIndex(2);
        ApiFixture.Response metadata = api.get("/v1/images/" + image.id());
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().path("metadata").path("category").asText())
                .isEqualTo(image.document().path("category").asText());
        assertThat(metadata.json().path("metadata").has("vector")).isFalse();
        assertError(api.get("/v1/images/no-such-image"), 404, "unknown_image");

        ApiFixture.Response content = api.get("/v1/images/" + image.id() + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.header("Content-Type")).isEqualTo("image/png");
        assertThat(content.bytes()).isEqualTo(Files.readAllBytes(image.file()));
        assertError(api.get("/v1/images/no-such-image/content"), 404, "unknown_image");
    }

    @Test
    void contentOutsideTheAllowedRootsIsNotServed() {
        try (var client = LocalInfra.openSearch()) {
            client.call("PUT", "/" + api.gallery.index + "/_doc/outside?refresh=true",
                    "{\"id\":\"outside\",\"collection\":\"alpha\",\"image_uri\":\"file:///etc/hostname\"}");
        }
        assertError(api.get("/v1/images/outside/content"), 404, "content_not_available");
    }

    @Test
    void watchPushesImagesIndexedAfterItOpened() throws Exception {
        SeededGallery.Image reference = api.gallery.byIndex(4);
        String query = "/v1/watch?method=image&threshold=0.5&reference_id=" + reference.id() + "&filters="
                + URLEncoder.encode("{\"collection\":\"beta\"}", StandardCharsets.UTF_8);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        // Ask for gzip like a browser does: the stream must still arrive event by event, uncompressed.
        HttpResponse<Stream<String>> stream = api.http().send(HttpRequest.newBuilder(api.uri(query))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        Thread reader = Thread.ofVirtual().start(() -> stream.body().filter(l -> l.startsWith("data: "))
                .forEach(l -> events.add(l.substring(6))));
        try {
            JsonNode ready = Json.mapper().readTree(events.poll(30, TimeUnit.SECONDS));
            assertThat(ready.path("method").asText()).isEqualTo("image");

            // Same vector, wrong collection: filtered out. Then a match in the watched collection.
            KafkaProbe.send(api.topicPrefix + "vectors", "new-alpha", vectorRecord(reference, "new-alpha", "alpha"));
            KafkaProbe.send(api.topicPrefix + "vectors", "new-beta", vectorRecord(reference, "new-beta", "beta"));
            JsonNode match = Json.mapper().readTree(events.poll(30, TimeUnit.SECONDS));
            assertThat(match.path("id").asText()).isEqualTo("new-beta");
            assertThat(match.path("score").asDouble()).isGreaterThan(0.99);
            assertThat(match.path("metadata").path("collection").asText()).isEqualTo("beta");
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void watchRefusesWeicomAndRangeFilters() {
        String reference = api.gallery.byIndex(4).id();
        assertError(api.get("/v1/watch?method=weicom&text=red&reference_id=" + reference), 400, "method_unavailable");
        assertError(api.get("/v1/watch?method=image&reference_id=" + reference + "&filters="
                + URLEncoder.encode("{\"near\":{\"lat\":1,\"lon\":1,\"km\":3}}", StandardCharsets.UTF_8)), 400, "bad_filter");
        assertError(api.get("/v1/watch?method=image&reference_id=" + reference + "&threshold=2"), 400, "bad_parameter");
    }

    @Test
    void healthReadinessAndMetrics() {
        assertThat(api.get("/health").json().path("status").asText()).isEqualTo("up");
        ApiFixture.Response ready = api.get("/ready");
        assertThat(ready.status()).as(ready.json().toString()).isEqualTo(200);
        assertThat(ready.json().path("checks").path("kafka").asBoolean()).isTrue();
        assertThat(ready.json().path("checks").path("opensearch").asBoolean()).isTrue();

        api.postJson("/v1/search", "{\"method\":\"text\",\"text\":\"red\"}");
        String metrics = new String(api.get("/metrics").bytes(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("cirstream_http_server_requests_seconds_bucket{method=\"POST\",route=\"/v1/search\"")
                .contains("cirstream_query_encode_seconds_count").contains("cirstream_query_knn_seconds_count")
                .contains("cirstream_query_inference_queue_depth");
        assertThat(api.get("/openapi.yaml").bytes()).asString(StandardCharsets.UTF_8).contains("/v1/search");
    }

    private static byte[] vectorRecord(SeededGallery.Image image, String id, String collection) {
        VectorEvent source = image.event();
        ImageMetadata m = source.metadata();
        VectorEvent event = new VectorEvent(id, source.vector(), source.model(), new ImageMetadata(collection,
                m.category(), m.capturedAt(), m.geo(), m.bbox(), m.source(), m.tags(), m.attributes()),
                source.imageUri(), source.contentType(), source.eventTime());
        return new VectorEventCodec().encode(event);
    }
}
