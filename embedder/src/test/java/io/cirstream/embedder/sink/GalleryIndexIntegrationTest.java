package io.cirstream.embedder.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.core.opensearch.OpenSearchClient;
import io.cirstream.embedder.model.SpaceType;
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
    void createsVersionedIndexBehindAliasIdempotently() {
        String first = GalleryIndex.ensure(client, alias, 8, SpaceType.COSINE, "Synthetic V1", "1s");
        String second = GalleryIndex.ensure(client, alias, 8, SpaceType.COSINE, "Synthetic V1", "250ms");

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
    void swapsAliasToAnotherModelsIndex() {
        String old = GalleryIndex.ensure(client, alias, 8, SpaceType.COSINE, "model-a", "1s");
        String next = GalleryIndex.create(client, alias, 16, SpaceType.INNER_PRODUCT, "model-b", "1s");
        assertThat(client.call("GET", "/_alias/" + alias, null).fieldNames()).toIterable().containsExactly(old);

        GalleryIndex.pointAlias(client, alias, next);

        assertThat(client.call("GET", "/_alias/" + alias, null).fieldNames()).toIterable().containsExactly(next);
    }

    @Test
    void refusesAnExistingIndexOfAnotherDimension() {
        GalleryIndex.ensure(client, alias, 8, SpaceType.COSINE, "model-a", "1s");

        assertThatThrownBy(() -> GalleryIndex.ensure(client, alias, 16, SpaceType.COSINE, "model-a", "1s"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dimension 8");
    }
}
