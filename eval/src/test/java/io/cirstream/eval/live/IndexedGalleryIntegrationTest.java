package io.cirstream.eval.live;

import io.cirstream.contract.index.DocumentId;
import io.cirstream.contract.json.Json;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counting and reading back stored vectors through an alias, on the real OpenSearch. */
@IntegrationTest
class IndexedGalleryIntegrationTest {
    private static final int DIMENSION = 8;
    /** More than one scroll page, so paging is exercised. */
    private static final int IN_COLLECTION = 1_234;

    private final String index = LocalInfra.uniqueName("eval-gallery");
    private final String alias = index + "-alias";
    private final Map<String, float[]> written = new HashMap<>();
    private OpenSearchClient client;

    @BeforeEach
    void createIndex() throws Exception {
        client = LocalInfra.openSearch();
        client.call("PUT", "/" + index, """
                {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
                 "aliases": {"%s": {}},
                 "mappings": {"properties": {"collection": {"type": "keyword"}, "attributes": {"type": "flat_object"},
                   "vector": {"type": "knn_vector", "dimension": %d,
                              "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}
                """.formatted(alias, DIMENSION));
        Random random = new Random(3);
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < IN_COLLECTION + 100; i++) {
            boolean ours = i < IN_COLLECTION;
            float[] vector = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            String id = (ours ? "img-" : "other-") + i;
            if (ours) {
                written.put(id, vector);
            }
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(id).append("\"}}\n")
                    .append(Json.mapper().writeValueAsString(Map.of("collection", ours ? "bench-val" : "live",
                            "vector", vector))).append('\n');
        }
        assertThat(client.bulk(bulk.toString(), true).path("errors").asBoolean()).isFalse();
    }

    @AfterEach
    void deleteIndex() {
        client.send("DELETE", "/" + index, null);
        client.close();
    }

    @Test
    void countsOnlyTheCollectionAndReadsBackEveryStoredVector() {
        IndexedGallery gallery = new IndexedGallery(client, alias);
        assertThat(gallery.count("bench-val")).isEqualTo(IN_COLLECTION);
        assertThat(gallery.count("nothing-here")).isZero();

        StoredGallery stored = gallery.vectors("bench-val");
        assertThat(stored.ids()).containsExactlyInAnyOrderElementsOf(written.keySet());
        stored.byId().forEach((id, vector) -> assertThat(vector).containsExactly(written.get(id)));
    }

    @Test
    void waitsForACountAlreadyReachedAndGivesUpOnOneNeverReached() {
        IndexedGallery gallery = new IndexedGallery(client, alias);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        gallery.awaitCount("bench-val", IN_COLLECTION, Duration.ofSeconds(5), quiet);
        assertThatThrownBy(() -> gallery.awaitCount("bench-val", IN_COLLECTION + 1, Duration.ofSeconds(2), quiet))
                .hasMessageContaining("holds " + IN_COLLECTION + " of " + (IN_COLLECTION + 1));
    }

    /**
     * After a second replay of a split, the first replay's images already fill the count: eval must wait for the
     * images of the replay it scores (marked by the replay_run attribute), not stop at once.
     */
    @Test
    void countsAndWaitsForTheImagesOfOneReplayOnly() {
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            bulk.append("{\"update\":{\"_index\":\"").append(index).append("\",\"_id\":\"img-").append(i)
                    .append("\"}}\n{\"doc\":{\"attributes\":{\"replay_run\":\"20260501T120000Z-bbbbbb\"}}}\n");
        }
        assertThat(client.bulk(bulk.toString(), true).path("errors").asBoolean()).isFalse();
        IndexedGallery gallery = new IndexedGallery(client, alias);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

        assertThat(gallery.count("bench-val", "20260501T120000Z-bbbbbb")).isEqualTo(10);
        assertThat(gallery.count("bench-val", "20260501T120000Z-aaaaaa")).isZero();
        gallery.awaitCount("bench-val", "20260501T120000Z-bbbbbb", 10, Duration.ofSeconds(5), quiet);
        assertThatThrownBy(() -> gallery.awaitCount("bench-val", "20260501T120000Z-bbbbbb", 11, Duration.ofSeconds(2),
                quiet)).hasMessageContaining("holds 10 of 11 images of bench-val from replay 20260501T120000Z-bbbbbb")
                .hasMessageContaining(IN_COLLECTION + " of bench-val in all");
    }

    /**
     * A benchmark image's document id is scoped to its collection (DocumentId); eval must read back the image id the
     * queries name, or every query's reference is "not indexed in its collection".
     */
    @Test
    void readsBackScopedDocumentsByTheirImageId() throws Exception {
        String action = Json.mapper().writeValueAsString(Map.of("index", Map.of("_index", index,
                "_id", DocumentId.scoped("bench-test", "img-0"))));
        String doc = Json.mapper().writeValueAsString(Map.of("id", "img-0", "collection", "bench-test",
                "vector", written.get("img-0")));
        assertThat(client.bulk(action + "\n" + doc + "\n", true).path("errors").asBoolean()).isFalse();

        StoredGallery stored = new IndexedGallery(client, alias).vectors("bench-test");
        assertThat(stored.ids()).containsExactly("img-0");
        assertThat(stored.byId().get("img-0")).containsExactly(written.get("img-0"));
    }

    @Test
    void deletingACollectionLeavesTheOthers() {
        IndexedGallery gallery = new IndexedGallery(client, alias);
        gallery.deleteCollection("bench-val");
        assertThat(gallery.count("bench-val")).isZero();
        assertThat(gallery.count("live")).isEqualTo(100);
        new IndexedGallery(client, alias + "-missing").deleteCollection("bench-val");
    }

    @Test
    void aMissingAliasCountsAsEmpty() {
        assertThat(new IndexedGallery(client, alias + "-missing").count("bench-val")).isZero();
    }
}
