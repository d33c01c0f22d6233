package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.testkit.IntegrationTest;
import org.assertj.core.api.InstanceOfAssertFactories;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.cirstream.query.app.SearchPage.resultIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at / in headless Chromium, on a server without an API key: a search driven by URL parameters, a
 * result clicked into the reference, an uploaded reference, the live panel, and the page's event-stream parser.
 */
@IntegrationTest
class WebPageIntegrationTest {
    private static final Pattern CARD = Pattern.compile("<li class=\"card\" data-id=\"([^\"]+)\"");
    private static ApiFixture api;
    private static SyntheticQuery query;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireInstalled();
        api = ApiFixture.start(Map.of());
        query = SyntheticWorld.queries(SeededGallery.SEED, ApiFixture.GALLERY_SIZE, 1).getFirst();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void urlParametersRunASearchAndTheGridShowsItsResults() throws Exception {
        String reference = api.gallery.layout.imageName(query.reference());
        String page = api.uri("/").toString() + "?run=1&method=sum&k=8&ref=" + reference + "&text="
                + URLEncoder.encode(query.caption(), StandardCharsets.UTF_8);

        List<String> expectedIds = resultIds(api.postJson("/v1/search", sumRequest(reference)).json());

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
    void aResultUsedAsReferenceDrivesTheNextSearch() throws Exception {
        try (SearchPage page = SearchPage.open(api, "run=1&method=text&k=8&text="
                + URLEncoder.encode(query.caption(), StandardCharsets.UTF_8))) {
            page.awaitStatus("8 results by text");
            String chosen = page.cardIds("results").get(2);

            page.page.click("#results li[data-id=\"" + chosen + "\"] button");
            assertThat(page.value("ref-id")).isEqualTo(chosen);
            assertThat(page.awaitImagesLoaded("#ref-preview img")).singleElement(InstanceOfAssertFactories.STRING)
                    .endsWith("/v1/images/" + chosen + "/content");

            page.choose("method", "sum");
            page.clickSearch();
            page.awaitStatus("8 results by sum");
            List<String> expected = resultIds(api.postJson("/v1/search", sumRequest(chosen)).json());
            assertThat(page.cardIds("results")).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anUploadedImageIsSearchedByItsPixels() throws Exception {
        SeededGallery.Image image = api.gallery.byIndex(3);
        try (SearchPage page = SearchPage.open(api, "method=image&k=5&ref=" + api.gallery.byIndex(4).id())) {
            page.page.setFiles("#ref-file", image.file());
            // Choosing a file replaces the id typed before; the preview shows the file itself.
            assertThat(page.value("ref-id")).isEmpty();
            assertThat(page.awaitImagesLoaded("#ref-preview img")).singleElement(InstanceOfAssertFactories.STRING).startsWith("blob:");

            page.clickSearch();
            page.awaitStatus("5 results by image");
            JsonNode expected = api.postMultipart("/v1/search",
                    Map.of("request", "{\"method\":\"image\",\"k\":5,\"filters\":{}}"), "image",
                    Files.readAllBytes(image.file())).json();
            assertThat(page.cardIds("results")).containsExactlyElementsOf(resultIds(expected)).first()
                    .isEqualTo(image.id());
            assertThat(page.page.evaluate("document.querySelector('#results li.card .score').textContent").asText())
                    .isEqualTo("score 1.000");
        }
    }

    @Test
    void theLivePanelShowsImagesIndexedWhileThePageWatches() throws Exception {
        SeededGallery.Image reference = api.gallery.byIndex(9);
        try (SearchPage page = SearchPage.open(api, "watch=1&method=image&ref=" + reference.id())) {
            page.indexUntilLive(api, "live-1", reference.event());
            assertThat(page.cardIds("live")).contains("live-1");
            assertThat(page.page.evaluate("document.getElementById('watch').getAttribute('aria-pressed')").asText())
                    .isEqualTo("true");
            // Stopping ends the watch loop itself, not only the button's look.
            page.clickWatch();
            page.page.waitFor("document.getElementById('watch').dataset.watch === 'off'", SearchPage.PATIENCE);
        }
    }

    @Test
    void theEventStreamParserSplitsEventsOnEveryKindOfLineEnd() throws Exception {
        try (SearchPage page = SearchPage.open(api, "")) {
            // Chunk borders fall inside a \r\n, inside an event, and after a lone \r; the last event is unfinished.
            JsonNode events = page.page.evaluate("import('/events.js').then(m => { const out = [];"
                    + " const parse = m.eventStreamParser((type, data) => out.push(type + '=' + data));"
                    + " ['event: ready\\r', '\\ndata: {\"a\":1}\\r\\n\\r\\n: keep-alive\\n\\n', 'event: match\\ndata: x\\n',"
                    + " 'data:y\\n', '\\n', 'data: plain\\r\\r', 'event: match\\ndata: cut'].forEach(parse);"
                    + " return out; })");
            assertThat(events.toString()).isEqualTo("[\"ready={\\\"a\\\":1}\",\"match=x\\ny\",\"message=plain\"]");
        }
    }

    private static String sumRequest(String reference) {
        return "{\"method\":\"sum\",\"k\":8,\"reference\":{\"id\":\"" + reference + "\"},\"text\":"
                + api.jsonString(query.caption()) + ",\"filters\":{}}";
    }
}
