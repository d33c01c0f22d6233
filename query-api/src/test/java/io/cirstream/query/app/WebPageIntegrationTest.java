package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.embedder.stream.VectorEvent;
import io.cirstream.embedder.stream.VectorEventCodec;
import io.cirstream.ingest.synthetic.SyntheticQuery;
import io.cirstream.ingest.synthetic.SyntheticWorld;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at / in headless Chromium: a search driven by URL parameters renders the API's results, and the
 * live panel shows an image indexed while the page watches.
 */
@IntegrationTest
class WebPageIntegrationTest {
    private static final Pattern CARD = Pattern.compile("<li class=\"card\" data-id=\"([^\"]+)\"");
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.ensureInstalled();
        api = ApiFixture.start(Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void urlParametersRunASearchAndTheGridShowsItsResults() throws Exception {
        SyntheticQuery query = SyntheticWorld.queries(SeededGallery.SEED, ApiFixture.GALLERY_SIZE, 1).getFirst();
        String reference = api.gallery.layout.imageName(query.reference());
        String page = api.uri("/").toString() + "?run=1&method=sum&k=8&ref=" + reference + "&text="
                + URLEncoder.encode(query.caption(), StandardCharsets.UTF_8);

        JsonNode expected = api.postJson("/v1/search", "{\"method\":\"sum\",\"k\":8,\"reference\":{\"id\":\""
                + reference + "\"},\"text\":" + api.jsonString(query.caption()) + ",\"filters\":{}}").json();
        List<String> expectedIds = new ArrayList<>();
        expected.path("results").forEach(r -> expectedIds.add(r.path("id").asText()));

        String dom = HeadlessChromium.dumpDom(page);
        List<String> rendered = new ArrayList<>();
        Matcher cards = CARD.matcher(dom);
        while (cards.find()) {
            rendered.add(cards.group(1));
        }
        assertThat(rendered).containsExactlyElementsOf(expectedIds);
        assertThat(dom).contains("8 results by sum").contains("<label for=\"text\">");

        Path screenshot = Path.of("target", "web-page.png");
        HeadlessChromium.screenshot(page, screenshot);
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void theLivePanelShowsImagesIndexedWhileThePageWatches() throws Exception {
        SeededGallery.Image reference = api.gallery.byIndex(9);
        VectorEvent source = reference.event();
        byte[] live = new VectorEventCodec().encode(new VectorEvent("live-1", source.vector(), source.model(),
                source.metadata(), source.imageUri(), source.contentType(), source.eventTime()));
        try (DevToolsPage page = DevToolsPage.open(api.uri("/").toString() + "?watch=1&method=image&ref=" + reference.id());
             var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     LocalInfra.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String cards = "document.querySelectorAll('#live li[data-id=\"live-1\"]').length";
            // The stream opens once the page has loaded; index the image until the panel shows it.
            while (page.evaluate(cards).asInt() == 0 && System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>(api.topicPrefix + "vectors", "live-1", live)).get();
                Thread.sleep(500);
            }
            assertThat(page.evaluate(cards).asInt()).isPositive();
            assertThat(page.evaluate("document.getElementById('watch').getAttribute('aria-pressed')").asText())
                    .isEqualTo("true");
        }
    }
}
