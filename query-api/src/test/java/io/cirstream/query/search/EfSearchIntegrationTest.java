package io.cirstream.query.search;

import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenSearch's lucene engine takes the configured search beam ({@code query.knn.ef-search}) in a real k-NN query. */
@IntegrationTest
class EfSearchIntegrationTest {

    @Test
    void aKnnQueryWithEfSearchIsAcceptedAndRanksByCosine() throws Exception {
        String alias = LocalInfra.uniqueName("ef-search");
        try (OpenSearchClient client = LocalInfra.openSearch()) {
            String index = GalleryIndexAdmin.ensure(client, alias, 2, SpaceType.COSINE, "m", IndexSettings.defaults("1s"));
            String[][] docs = {{"east", "[1.0, 0.0]"}, {"north", "[0.0, 1.0]"}, {"north-east", "[0.7071, 0.7071]"}};
            for (String[] doc : docs) {
                client.call("PUT", "/" + index + "/_doc/" + doc[0], "{\"id\":\"" + doc[0] + "\",\"vector\":" + doc[1]
                        + ",\"model\":\"m\",\"collection\":\"c\",\"event_time\":1}");
            }
            client.call("POST", "/" + index + "/_refresh", null);

            List<GalleryHit> hits = new GalleryStore(client, alias, SpaceType.COSINE, 64)
                    .knn(new KnnQuery(new float[]{0.9f, 0.1f}, 3, Filters.none(), false))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(hits).extracting(GalleryHit::id).containsExactly("east", "north-east", "north");
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + alias + "-v1-*", null);
            }
        }
    }
}
