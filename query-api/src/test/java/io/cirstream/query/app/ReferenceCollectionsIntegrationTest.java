package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.index.DocumentId;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same image id in the live gallery and in benchmark collections (documents keyed by collection and id, see
 * {@link DocumentId}): a reference id picks the live image unless {@code reference.collection} names another, an id
 * only in several benchmark collections is ambiguous, results carry the plain id, and exclusion is per collection.
 */
@IntegrationTest
class ReferenceCollectionsIntegrationTest {
    private static ApiFixture api;
    private static String live;
    private static final String BENCH_ONLY = "only-in-benchmarks";

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(Map.of());
        live = api.gallery.byIndex(0).id();
        try (OpenSearchClient client = LocalInfra.openSearch()) {
            StringBuilder bulk = new StringBuilder();
            add(bulk, "circo-val", live, 1);
            add(bulk, "circo-val", BENCH_ONLY, 2);
            add(bulk, "circo-test", BENCH_ONLY, 3);
            assertThat(client.bulk(bulk.toString(), true).path("errors").asBoolean()).isFalse();
        }
    }

    /** Image {@code id} in {@code collection}, with the vector of seeded image {@code vectorOf}. */
    private static void add(StringBuilder bulk, String collection, String id, int vectorOf) {
        ObjectNode doc = VectorEventCodec.document(api.gallery.byIndex(vectorOf).event());
        doc.put("id", id).put("collection", collection);
        ObjectNode action = JsonNodeFactory.instance.objectNode();
        action.putObject("index").put("_index", api.gallery.index).put("_id", DocumentId.scoped(collection, id));
        bulk.append(action).append('\n').append(doc).append('\n');
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anIdWithoutCollectionMeansTheLiveImageAndACollectionNamesTheOther() {
        JsonNode top = search(reference(live, null), null, 1, false).json().path("results").get(0);
        assertThat(top.path("id").asText()).isEqualTo(live);
        assertThat(top.path("metadata").path("collection").asText()).isEqualTo("alpha");

        JsonNode bench = search(reference(live, "circo-val"), "circo-val", 1, false).json().path("results").get(0);
        assertThat(bench.path("id").asText()).as("the plain image id, not the document id").isEqualTo(live);
        assertThat(bench.path("metadata").path("collection").asText()).isEqualTo("circo-val");
        assertThat(bench.path("score").asDouble()).isGreaterThan(0.999);
    }

    @Test
    void anIdInSeveralBenchmarkCollectionsOnlyIsAmbiguousUntilOneIsNamed() {
        ApiFixture.Response ambiguous = search(reference(BENCH_ONLY, null), null, 1, false);
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().path("error").path("code").asText()).isEqualTo("ambiguous_reference");

        ApiFixture.Response named = search(reference(BENCH_ONLY, "circo-test"), "circo-test", 1, false);
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.json().path("results").get(0).path("id").asText()).isEqualTo(BENCH_ONLY);

        assertThat(search(reference(BENCH_ONLY, "fashioniq-val"), null, 1, false).status()).isEqualTo(404);
    }

    @Test
    void excludingANamedReferenceKeepsTheSameIdOfOtherCollections() {
        JsonNode results = search(reference(live, "circo-val"), null, ApiFixture.GALLERY_SIZE + 3, true).json()
                .path("results");
        List<String> liveIdIn = new ArrayList<>();
        results.forEach(r -> {
            if (r.path("id").asText().equals(live)) {
                liveIdIn.add(r.path("metadata").path("collection").asText());
            }
        });
        assertThat(liveIdIn).containsExactly("alpha");
    }

    private static ObjectNode reference(String id, String collection) {
        ObjectNode reference = JsonNodeFactory.instance.objectNode().put("id", id);
        if (collection != null) {
            reference.put("collection", collection);
        }
        return reference;
    }

    private static ApiFixture.Response search(ObjectNode reference, String collection, int k, boolean exclude) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("method", "image").put("k", k)
                .put("exclude_reference", exclude);
        request.set("reference", reference);
        if (collection != null) {
            request.putObject("filters").put("collection", collection);
        }
        return api.postJson("/v1/search", request.toString());
    }
}
