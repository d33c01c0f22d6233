package io.cirstream.query.app;

import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.cirstream.query.app.SearchPage.resultIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at / on a server that requires an API key: the key typed into the page reaches search, images and
 * the live stream as a header, and never a URL; without it the page says what is missing.
 */
@IntegrationTest
class WebPageApiKeyIntegrationTest {
    private static final String KEY = "page-s3cret";
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireInstalled();
        api = ApiFixture.start(Map.of(QueryApiConfig.API_KEY.name(), KEY));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aSearchAsksForTheKeyAndWithItShowsResultsAndTheirImages() throws Exception {
        try (SearchPage page = SearchPage.open(api, "method=text&k=6&text=red")) {
            page.clickSearch();
            assertThat(page.awaitStatus("unauthorized")).contains("this server needs an API key");
            assertThat(page.cardIds("results")).isEmpty();

            page.typeApiKey(KEY);
            page.clickSearch();
            page.awaitStatus("6 results by text");
            String body = "{\"method\":\"text\",\"k\":6,\"text\":\"red\",\"filters\":{}}";
            List<String> expected = resultIds(api.send(HttpRequest.newBuilder(api.uri("/v1/search"))
                    .header("Content-Type", "application/json").header("X-API-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body))).json());
            assertThat(page.cardIds("results")).containsExactlyElementsOf(expected);
            List<String> first = page.awaitImagesLoaded("#results li.card img");
            assertThat(first).hasSize(6).allMatch(src -> src.startsWith("blob:"));

            assertThat(page.page.evaluate("location.href").asText()).doesNotContain(KEY);
            assertThat(page.page.evaluate("sessionStorage.getItem('cirstream.api-key')").asText()).isEqualTo(KEY);

            // A new grid revokes the blob URLs of the one it replaces.
            page.choose("method", "image");
            page.page.click("#results li.card button");
            page.clickSearch();
            page.awaitStatus("6 results by image");
            page.awaitImagesLoaded("#results li.card img");
            String fetchable = "(src => fetch(src).then(() => true, () => false))(" + DevToolsPage.js(first.get(1)) + ")";
            assertThat(page.page.evaluate(fetchable).asBoolean()).isFalse();
        }
    }

    @Test
    void theKeyLastsForTheTabAcrossAReload() throws Exception {
        try (SearchPage page = SearchPage.open(api, "")) {
            page.typeApiKey(KEY);
            page.page.evaluate("window.beforeReload = true");
            page.page.command("Page.reload", DevToolsPage.params());
            page.page.waitFor("!window.beforeReload && document.readyState === 'complete'", SearchPage.PATIENCE);
            assertThat(page.value("api-key")).isEqualTo(KEY);
        }
    }

    @Test
    void theLivePanelIsRefusedWithoutTheKeyAndStreamsWithIt() throws Exception {
        SeededGallery.Image reference = api.gallery.byIndex(9);
        try (SearchPage page = SearchPage.open(api, "method=image&ref=" + reference.id())) {
            page.clickWatch();
            assertThat(page.awaitStatus("unauthorized")).contains("this server needs an API key");
            // A refusal ends the watch instead of retrying it in a loop: the watch loop leaves 'connecting' for
            // 'off' (returned, nothing more to send), never for 'waiting' (a reconnect scheduled); one request.
            String state = "document.getElementById('watch').dataset.watch";
            page.page.waitFor(state + " !== 'connecting'", SearchPage.PATIENCE);
            assertThat(page.page.evaluate(state).asText()).as("watch loop state after the refusal").isEqualTo("off");
            assertThat(page.page.evaluate("document.getElementById('watch').getAttribute('aria-pressed')").asText())
                    .isEqualTo("false");
            assertThat(page.page.evaluate("performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/v1/watch')).length").asInt()).isEqualTo(1);

            page.typeApiKey(KEY);
            page.awaitImagesLoaded("#ref-preview img");
            page.clickWatch();
            page.awaitStatus("Watching for new matches");
            page.indexUntilLive(api, "live-1", reference.event());
            assertThat(page.cardIds("live")).contains("live-1");
        }
    }
}
