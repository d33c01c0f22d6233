package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.index.GalleryIndex;
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
 * {@code "group": "product"} on the real index: a catalogue collection where product p1's three images are the
 * nearest to the query (the reference's own vector), p2's two, p3's one and an image of no product share other
 * vectors. Without grouping the top three are all p1; with it, one image per product, the image without a product
 * standing alone.
 */
@IntegrationTest
class ProductGroupingIntegrationTest {
    private static ApiFixture api;
    private static String reference;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(Map.of());
        reference = api.gallery.byIndex(1).id();
        try (OpenSearchClient client = LocalInfra.openSearch()) {
            StringBuilder bulk = new StringBuilder();
            add(bulk, "p1#0", "p1", 1);
            add(bulk, "p1#1", "p1", 1);
            add(bulk, "p1#2", "p1", 1);
            add(bulk, "p2#0", "p2", 2);
            add(bulk, "p2#1", "p2", 2);
            add(bulk, "p3#0", "p3", 3);
            add(bulk, "loose", null, 4);
            assertThat(client.bulk(bulk.toString(), true).path("errors").asBoolean()).isFalse();
        }
    }

    /** Image {@code id} of {@code product} in the shop collection, with the vector of seeded image {@code vectorOf}. */
    private static void add(StringBuilder bulk, String id, String product, int vectorOf) {
        ObjectNode doc = VectorEventCodec.document(api.gallery.byIndex(vectorOf).event());
        doc.put("id", id).put("collection", "shop");
        if (product != null) {
            doc.put(GalleryIndex.PRODUCT, product);
        }
        ObjectNode action = JsonNodeFactory.instance.objectNode();
        action.putObject("index").put("_index", api.gallery.index).put("_id", "shop-" + id);
        bulk.append(action).append('\n').append(doc).append('\n');
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void withoutGroupingOneProductFillsTheTop() {
        assertThat(products(search(3, null))).containsExactly("p1", "p1", "p1");
    }

    @Test
    void groupedByProductEachProductAppearsOnceWithItsBestImage() {
        JsonNode results = search(3, "product").json().path("results");
        assertThat(results).hasSize(3);
        assertThat(products(results).get(0)).isEqualTo("p1");
        assertThat(results.get(0).path("score").asDouble()).isGreaterThan(0.999);
        assertThat(products(results)).doesNotHaveDuplicates();

        JsonNode all = search(10, "product").json().path("results");
        assertThat(products(all)).as("\"\" is the image without a product").containsExactlyInAnyOrder("p1", "p2", "p3", "");
        assertThat(ids(all)).contains("loose", "p3#0");
    }

    @Test
    void anotherGroupIsABadParameter() {
        ApiFixture.Response response = search(3, "category");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("bad_parameter");
    }

    private static ApiFixture.Response search(int k, String group) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("method", "image").put("k", k)
                .put("exclude_reference", false);
        request.putObject("reference").put("id", reference);
        request.putObject("filters").put("collection", "shop");
        if (group != null) {
            request.put("group", group);
        }
        return api.postJson("/v1/search", request.toString());
    }

    private static List<String> products(ApiFixture.Response response) {
        return products(response.json().path("results"));
    }

    private static List<String> products(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.path("metadata").path(GalleryIndex.PRODUCT).asText()));
        return out;
    }

    private static List<String> ids(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.path("id").asText()));
        return out;
    }
}
