package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.cirstream.query.app.DevToolsPage.js;

/** The search page at / driven in headless Chromium: what a user does and sees, the selectors named once. */
final class SearchPage implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final DevToolsPage page;

    private SearchPage(DevToolsPage page) {
        this.page = page;
    }

    /** Opens / with the given URL parameters (without the leading '?'; may be empty). */
    static SearchPage open(ApiFixture api, String parameters) throws Exception {
        return new SearchPage(DevToolsPage.open(api.uri("/") + (parameters.isEmpty() ? "" : "?" + parameters)));
    }

    void clickSearch() throws Exception {
        page.click("#search button[type=submit]");
    }

    void clickWatch() throws Exception {
        page.click("#watch");
    }

    void choose(String selectId, String value) throws Exception {
        page.evaluate("(() => { const s = document.getElementById(" + js(selectId) + "); s.value = " + js(value)
                + "; s.dispatchEvent(new Event('change', {bubbles: true})); })()");
    }

    /** Types the API key as a user would and leaves the field, so both input and change fire. */
    void typeApiKey(String key) throws Exception {
        page.type("#api-key", key);
        page.evaluate("document.getElementById('api-key').blur()");
    }

    /** Waits until the status line contains text, and returns the whole line. */
    String awaitStatus(String text) throws Exception {
        page.waitFor("document.getElementById('status').textContent.includes(" + js(text) + ")", PATIENCE);
        return status();
    }

    String status() throws Exception {
        return page.evaluate("document.getElementById('status').textContent").asText();
    }

    String value(String inputId) throws Exception {
        return page.evaluate("document.getElementById(" + js(inputId) + ").value").asText();
    }

    /** The ids of the cards in a grid ("results" or "live"), in order. */
    List<String> cardIds(String grid) throws Exception {
        return strings(page.evaluate("[...document.querySelectorAll('#" + grid + " li.card')].map(c => c.dataset.id)"));
    }

    /** Waits until every image under the selector has loaded pixels, and returns their src attributes. */
    List<String> awaitImagesLoaded(String selector) throws Exception {
        String images = "[...document.querySelectorAll(" + js(selector) + ")]";
        page.waitFor(images + ".length > 0 && " + images + ".every(i => i.complete && i.naturalWidth > 0)", PATIENCE);
        return strings(page.evaluate(images + ".map(i => i.src)"));
    }

    /**
     * Publishes a copy of {@code like}'s vector as image {@code id} to the vectors topic, as the embedder would,
     * until the live panel shows it: the stream may open a little after the page asks for it.
     */
    void indexUntilLive(ApiFixture api, String id, VectorEvent like) throws Exception {
        byte[] event = new VectorEventCodec().encode(new VectorEvent(id, like.vector(), like.model(), like.metadata(),
                like.imageUri(), like.contentType(), like.eventTime()));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!cardIds("live").contains(id) && System.nanoTime() < deadline) {
            KafkaProbe.send(api.topicPrefix + "vectors", id, event);
            Thread.sleep(500);
        }
    }

    static List<String> resultIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    @Override
    public void close() {
        page.close();
    }
}
