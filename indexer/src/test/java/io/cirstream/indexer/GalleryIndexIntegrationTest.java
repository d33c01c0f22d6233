package io.cirstream.indexer;

import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class GalleryIndexIntegrationTest {
    private final OpenSearchClient client = LocalInfra.openSearch();
    private final String alias = LocalInfra.uniqueName("gallery-index");

    @AfterEach
    void cleanUp() {
        client.send("DELETE", "/" + alias + "-v1-*", null);
        client.close();
    }

    @Test
    void configuredShardsReplicasAndHnswParametersShapeTheNewIndex() {
        String index = GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "model-s",
                new IndexSettings(2, 0, "1s", 24, 200));

        JsonNode settings = client.call("GET", "/" + index + "/_settings", null).path(index).path("settings").path("index");
        assertThat(settings.path("number_of_shards").asText()).isEqualTo("2");
        assertThat(settings.path("number_of_replicas").asText()).isEqualTo("0");
        JsonNode parameters = client.call("GET", "/" + index + "/_mapping", null).path(index).path("mappings")
                .path("properties").path(GalleryIndex.VECTOR).path("method").path("parameters");
        assertThat(parameters.path("m").asInt()).isEqualTo(24);
        assertThat(parameters.path("ef_construction").asInt()).isEqualTo(200);

        // Replicas (unlike shards) can change on a live index, so a restart with more of them applies them.
        GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "model-s", new IndexSettings(2, 1, "1s", 24, 200));
        assertThat(client.call("GET", "/" + index + "/_settings", null).path(index).path("settings").path("index")
                .path("number_of_replicas").asText()).isEqualTo("1");
    }

    @Test
    void createsVersionedIndexBehindAliasIdempotently() {
        String first = GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "Synthetic V1", IndexSettings.defaults("1s"));
        String second = GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "Synthetic V1", IndexSettings.defaults("250ms"));

        assertThat(first).isEqualTo(second).isEqualTo(alias + "-v1-synthetic-v1");
        JsonNode aliases = client.call("GET", "/_alias/" + alias, null);
        assertThat(aliases.fieldNames()).toIterable().containsExactly(first);
        JsonNode mapping = client.call("GET", "/" + first + "/_mapping", null).path(first).path("mappings");
        assertThat(mapping.path("properties").path(GalleryIndex.VECTOR).path("dimension").asInt()).isEqualTo(8);
        assertThat(mapping.path("properties").path(GalleryIndex.VECTOR).path("method").path("engine").asText())
                .isEqualTo("lucene");
        assertThat(client.call("GET", "/" + first + "/_settings", null)
                .path(first).path("settings").path("index").path("refresh_interval").asText()).isEqualTo("250ms");
    }

    @Test
    void anIndexCreatedBeforeTheProductFieldGetsItAtTheNextStart() {
        String index = GalleryIndex.concreteName(alias, "model-p");
        String older = GalleryIndex.mapping(8, SpaceType.COSINE, "model-p", IndexSettings.defaults("1s"))
                .replaceAll(",\\s*\"product\": \\{\"type\": \"keyword\"}", "");
        client.call("PUT", "/" + index, older);
        assertThat(properties(index).has(GalleryIndex.PRODUCT)).isFalse();

        GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "model-p", IndexSettings.defaults("1s"));

        assertThat(properties(index).path(GalleryIndex.PRODUCT).path("type").asText()).isEqualTo("keyword");
    }

    private JsonNode properties(String index) {
        return client.call("GET", "/" + index + "/_mapping", null).path(index).path("mappings").path("properties");
    }

    @Test
    void swapsAliasToAnotherModelsIndex() {
        String old = GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "model-a", IndexSettings.defaults("1s"));
        String next = GalleryIndexAdmin.create(client, alias, 16, SpaceType.INNER_PRODUCT, "model-b", IndexSettings.defaults("1s"));
        assertThat(client.call("GET", "/_alias/" + alias, null).fieldNames()).toIterable().containsExactly(old);

        GalleryIndexAdmin.pointAlias(client, alias, next);

        assertThat(client.call("GET", "/_alias/" + alias, null).fieldNames()).toIterable().containsExactly(next);
    }

    @Test
    void refusesAnExistingIndexOfAnotherDimension() {
        GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "model-a", IndexSettings.defaults("1s"));

        assertThatThrownBy(() -> GalleryIndexAdmin.ensure(client, alias, 16, SpaceType.COSINE, "model-a", IndexSettings.defaults("1s")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dimension 8");
    }

    /**
     * An index created before {@code caption} joined the strict v1 mapping (simulated: created with the mapping less
     * that field) takes it when a service ensures the index again, so a captioned document indexes instead of being
     * refused by the strict mapping.
     */
    @Test
    void anIndexMadeBeforeTheCaptionFieldTakesItOnEnsure() {
        String index = GalleryIndex.concreteName(alias, "model-c");
        String older = GalleryIndex.mapping(8, SpaceType.COSINE, "model-c", IndexSettings.defaults("1s"))
                .replace("\"caption\": {\"type\": \"text\"},", "");
        assertThat(client.send("PUT", "/" + index, older).ok()).isTrue();
        String doc = "{\"id\": \"x\", \"collection\": \"c\", \"caption\": \"a red ship\"}";
        assertThat(client.send("PUT", "/" + index + "/_doc/x", doc).ok()).as("strict mapping refuses it first").isFalse();

        GalleryIndexAdmin.ensure(client, alias, 8, SpaceType.COSINE, "model-c", IndexSettings.defaults("1s"));

        assertThat(client.send("PUT", "/" + index + "/_doc/x", doc).ok()).isTrue();
    }
}
