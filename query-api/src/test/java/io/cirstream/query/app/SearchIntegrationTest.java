package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Composer;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** POST /v1/search against a seeded index: every method agrees with exact search computed here. */
@IntegrationTest
class SearchIntegrationTest {
    private static final int ALL_BUT_REFERENCE = ApiFixture.GALLERY_SIZE - 1;
    private static ApiFixture api;
    private static SyntheticQuery query;
    private static String referenceId;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(Map.of());
        query = SyntheticWorld.queries(SeededGallery.SEED, ApiFixture.GALLERY_SIZE, 1).getFirst();
        referenceId = api.gallery.layout.imageName(query.reference());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"image", "text", "sum", "slerp", "pseudo_token", "combiner"})
    void vectorMethodsRankLikeExactSearch(String methodName) {
        Method method = Method.parse(methodName).orElseThrow();
        JsonNode response = search(request(method).put("k", ALL_BUT_REFERENCE)).json();

        float[] q = expectedQuery(method);
        List<Map.Entry<String, Double>> expected = exactRanking(id -> CompositionOracle.dot(api.gallery.images.get(id).vector(), q));
        assertThat(response.path("method").asText()).isEqualTo(methodName);
        assertThat(ids(response).subList(0, 10)).containsExactlyElementsOf(expected.stream().limit(10).map(Map.Entry::getKey).toList());
        assertThat(response.path("results").get(0).path("score").asDouble()).isCloseTo(expected.getFirst().getValue(), within(1e-3));
        assertThat(response.path("timings").path("total_ms").asDouble()).isPositive();
    }

    /**
     * The query the API must have searched with: from the formulas for the training-free methods (the oracle), and
     * from the pack's own networks for the two that are networks (nothing to recompute them from).
     */
    private float[] expectedQuery(Method method) {
        return switch (method) {
            case IMAGE -> CompositionOracle.sum(reference(), text(), 0);
            case TEXT -> CompositionOracle.sum(reference(), text(), 1);
            case SUM -> CompositionOracle.sum(reference(), text(), 0.5);
            case SLERP -> CompositionOracle.slerp(reference(), text(), 0.8);
            default -> new Composer(api.runtime.pseudoTokens(), api.runtime.combiner()).compose(method,
                    new CompositionParams(0.5, 0.8, 0.5), reference(), query.caption(), text());
        };
    }

    @Test
    void weicomFusesExactlyOverTheCandidateSet() {
        // 100 candidates per list cover the 60-image gallery, so the candidate statistics are the gallery's.
        JsonNode response = search(request(Method.WEICOM).put("lambda", 0.3).put("k", 10)).json();
        Map<String, float[]> gallery = new java.util.HashMap<>();
        api.gallery.images.values().forEach(img -> gallery.put(img.id(), img.vector()));
        List<Map.Entry<String, Double>> expected = CompositionOracle.weicom(gallery, reference(), text(), 0.3).stream()
                .filter(e -> !e.getKey().equals(referenceId)).limit(10).toList();
        assertThat(ids(response)).containsExactlyElementsOf(expected.stream().map(Map.Entry::getKey).toList());
        assertThat(response.path("results").get(0).path("score").asDouble()).isCloseTo(expected.getFirst().getValue(), within(1e-4));
    }

    @Test
    void referenceIsExcludedByDefaultAndKeptOnRequest() {
        JsonNode excluded = search(request(Method.IMAGE).put("k", 5)).json();
        assertThat(ids(excluded)).hasSize(5).doesNotContain(referenceId);
        JsonNode kept = search(request(Method.IMAGE).put("k", 5).put("exclude_reference", false)).json();
        assertThat(ids(kept)).hasSize(5).startsWith(referenceId);
        assertThat(kept.path("results").get(0).path("score").asDouble()).isCloseTo(1.0, within(1e-4));

        // A text-only search that names its reference excludes it too (as CIRR scoring does).
        ObjectNode textOnly = request(Method.TEXT).put("k", ALL_BUT_REFERENCE);
        textOnly.putObject("reference").put("id", referenceId);
        assertThat(ids(search(textOnly).json())).hasSize(ALL_BUT_REFERENCE).doesNotContain(referenceId);
    }

    @Test
    void explainReportsTheCosineToEachModality() {
        JsonNode result = search(request(Method.SUM).put("k", 3).put("explain", true)).json().path("results").get(0);
        float[] stored = api.gallery.images.get(result.path("id").asText()).vector();
        assertThat(result.path("explain").path("image").asDouble()).isCloseTo(CompositionOracle.cosine(stored, reference()), within(1e-4));
        assertThat(result.path("explain").path("text").asDouble()).isCloseTo(CompositionOracle.cosine(stored, text()), within(1e-4));
        assertThat(result.path("metadata").has("vector")).isFalse();
        assertThat(result.path("metadata").path("collection").asText()).isIn("alpha", "beta");
    }

    @Test
    void termFiltersApplyInsideTheKnnClause() {
        ObjectNode request = request(Method.SUM).put("k", ALL_BUT_REFERENCE);
        request.putObject("filters").put("collection", "beta").putArray("category").add("forest").add("water");
        JsonNode results = search(request).json().path("results");
        long expected = api.gallery.images.values().stream().filter(img -> !img.id().equals(referenceId)
                && img.document().path("collection").asText().equals("beta")
                && List.of("forest", "water").contains(img.document().path("category").asText())).count();
        assertThat(results).hasSize((int) expected);
        results.forEach(r -> assertThat(r.path("metadata").path("collection").asText()).isEqualTo("beta"));
    }

    @Test
    void timeAndGeoFiltersSelectTheMatchingImages() {
        ObjectNode request = request(Method.IMAGE).put("k", ALL_BUT_REFERENCE);
        ObjectNode filters = request.putObject("filters");
        filters.putObject("captured_at").put("from", "2024-01-11T00:00:00Z").put("to", "2024-01-31T00:00:00Z");
        // Images 10..30 by time; longitude i·0.1 within [1.45, 2.55] keeps 15..25.
        filters.putObject("bbox").put("top", 11).put("left", 1.45).put("bottom", 9).put("right", 2.55);
        List<String> ids = ids(search(request).json());
        List<String> expected = new ArrayList<>();
        for (int i = 15; i <= 25; i++) {
            expected.add(api.gallery.layout.imageName(i));
        }
        expected.remove(referenceId);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);

        ObjectNode near = request(Method.IMAGE).put("k", ALL_BUT_REFERENCE).put("exclude_reference", false);
        // 0.1° of longitude at 10°N is about 10.95 km: 25 km around image 40 reaches 38..42.
        near.putObject("filters").putObject("near").put("lat", 10).put("lon", 4.0).put("km", 25);
        assertThat(ids(search(near).json())).containsExactlyInAnyOrder(
                List.of(38, 39, 40, 41, 42).stream().map(api.gallery.layout::imageName).toArray(String[]::new));
    }

    @Test
    void uploadedAndBase64ReferencesAreEncoded() throws Exception {
        SeededGallery.Image image = api.gallery.byIndex(3);
        byte[] png = Files.readAllBytes(image.file());
        ApiFixture.Response upload = api.postMultipart("/v1/search",
                Map.of("request", "{\"method\": \"image\", \"k\": 3}"), "image", png);
        assertThat(upload.status()).isEqualTo(200);
        assertThat(ids(upload.json()).getFirst()).isEqualTo(image.id());
        assertThat(upload.json().path("results").get(0).path("score").asDouble()).isCloseTo(1.0, within(1e-3));
        assertThat(upload.json().path("timings").path("encode_ms").asDouble()).isPositive();

        ObjectNode base64 = JsonNodeFactory.instance.objectNode().put("method", "image").put("k", 3);
        base64.putObject("reference").put("image_base64", Base64.getEncoder().encodeToString(png));
        assertThat(ids(search(base64).json()).getFirst()).isEqualTo(image.id());
    }

    private static ObjectNode request(Method method) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("method", method.wireName());
        if (method.needsReference()) {
            request.putObject("reference").put("id", referenceId);
        }
        if (method.needsText()) {
            request.put("text", query.caption());
        }
        return request;
    }

    private static ApiFixture.Response search(ObjectNode request) {
        ApiFixture.Response response = api.postJson("/v1/search", request.toString());
        assertThat(response.status()).as("%s -> %s", request, response.json()).isEqualTo(200);
        return response;
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private static float[] reference() {
        return api.gallery.images.get(referenceId).vector();
    }

    private static float[] text() {
        return api.runtime.texts().encode(List.of(query.caption())).getFirst();
    }

    private static List<Map.Entry<String, Double>> exactRanking(java.util.function.ToDoubleFunction<String> score) {
        return api.gallery.images.keySet().stream().filter(id -> !id.equals(referenceId))
                .map(id -> Map.entry(id, score.applyAsDouble(id)))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList();
    }
}
