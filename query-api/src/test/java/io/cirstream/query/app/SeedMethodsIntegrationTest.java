package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.model.QueryInputs;
import io.cirstream.model.composition.Composer;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.CvsiFusion;
import io.cirstream.model.composition.Method;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The pack-format-2 methods through the real API on the generated synthetic-v2 pack: multi_token and composer with
 * an uploaded reference rank like the pack's own networks; a reference by id, which has only its stored vector,
 * is refused with reference_pixels_required; cvsi fuses with the description; an unknown composer name and a
 * missing description are 400s with their documented codes.
 */
@IntegrationTest
class SeedMethodsIntegrationTest {

    private static ApiFixture api;
    private static SyntheticQuery query;

    @BeforeAll
    static void start() throws IOException {
        api = ApiFixture.start(Map.of(), PackGenerator.SYNTHETIC_V2);
        query = SyntheticWorld.queries(SeededGallery.SEED, ApiFixture.GALLERY_SIZE, 1).getFirst();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi_token", "composer"})
    void anUploadedReferenceRanksLikeThePacksOwnNetwork(String methodName) throws IOException {
        SeededGallery.Image reference = api.gallery.byIndex(query.reference());
        ApiFixture.Response response = upload(request(methodName).put("k", 5), reference);

        assertThat(response.status()).as(response.json().toString()).isEqualTo(200);
        assertThat(response.json().path("method").asText()).isEqualTo(methodName);
        float[] expected = Composer.of(api.runtime).compose(Method.parse(methodName).orElseThrow(),
                CompositionParams.defaults(), new QueryInputs(Optional.of(pixels(reference)), reference.vector(),
                        query.caption(), "", ""), null);
        Map.Entry<String, Double> best = best(expected);
        JsonNode first = response.json().path("results").get(0);
        assertThat(response.json().path("results")).hasSize(5);
        assertThat(first.path("id").asText()).isEqualTo(best.getKey());
        assertThat(first.path("score").asDouble()).isCloseTo(best.getValue(), within(1e-3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi_token", "composer"})
    void aReferenceByIdCannotGiveThePixelsTheMethodReads(String methodName) {
        ApiFixture.Response response = api.postJson("/v1/search", request(methodName)
                .set("reference", Json.mapper().createObjectNode().put("id", referenceId())).toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("reference_pixels_required");
        assertThat(response.json().path("error").path("message").asText()).contains("upload");
    }

    @Test
    void aComposerIsChosenByNameAndAnUnknownNameIsMethodUnavailable() throws IOException {
        SeededGallery.Image reference = api.gallery.byIndex(query.reference());
        assertThat(upload(request("composer").put("composer", "override"), reference).status()).isEqualTo(200);
        ApiFixture.Response unknown = upload(request("composer").put("composer", "nope"), reference);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("code").asText()).isEqualTo("method_unavailable");
        assertThat(unknown.json().path("error").path("message").asText()).contains("override");
    }

    @Test
    void cvsiFusesThePseudoWordQueryWithTheDescription() {
        String description = SyntheticWorld.queries(SeededGallery.SEED, ApiFixture.GALLERY_SIZE, 2).get(1).caption();
        ApiFixture.Response response = api.postJson("/v1/search", request("cvsi").put("k", 5).put("beta", 0.4)
                .put("description", description)
                .set("reference", Json.mapper().createObjectNode().put("id", referenceId())).toString());

        assertThat(response.status()).as(response.json().toString()).isEqualTo(200);
        float[] pseudo = api.runtime.pseudoTokens().orElseThrow().compose(List.of(reference().vector()),
                List.of(query.caption())).getFirst();
        float[] expected = CvsiFusion.compose(pseudo, api.runtime.texts().encode(List.of(description)).getFirst(), 0.4);
        Map.Entry<String, Double> best = best(expected);
        assertThat(response.json().path("results").get(0).path("score").asDouble()).isCloseTo(best.getValue(), within(1e-3));

        ApiFixture.Response missing = api.postJson("/v1/search", request("cvsi")
                .set("reference", Json.mapper().createObjectNode().put("id", referenceId())).toString());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("code").asText()).isEqualTo("missing_text");
    }

    private static ObjectNode request(String method) {
        return Json.mapper().createObjectNode().put("method", method).put("text", query.caption())
                .put("exclude_reference", false);
    }

    private static ApiFixture.Response upload(ObjectNode request, SeededGallery.Image reference) throws IOException {
        return api.postMultipart("/v1/search", Map.of("request", request.toString()), "image",
                Files.readAllBytes(reference.file()));
    }

    private static String referenceId() {
        return reference().id();
    }

    private static SeededGallery.Image reference() {
        return api.gallery.byIndex(query.reference());
    }

    private static BufferedImage pixels(SeededGallery.Image image) throws IOException {
        return ImageIO.read(image.file().toFile());
    }

    /** The exact best gallery image for {@code q} and its similarity (the pack is cosine, vectors normalised). */
    private static Map.Entry<String, Double> best(float[] q) {
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        api.gallery.images.forEach((id, image) -> scored.add(Map.entry(id, CompositionOracle.dot(image.vector(), q))));
        return scored.stream().max(Map.Entry.comparingByValue()).orElseThrow();
    }
}
