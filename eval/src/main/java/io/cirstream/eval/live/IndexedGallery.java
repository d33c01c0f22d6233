package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.json.Json;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.ingest.replay.ReplayRun;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the embedder has indexed for one collection, read through the gallery alias: how many images, and
 * their stored vectors for exact search. Field names follow the gallery mapping
 * ({@code embedder/src/main/resources/opensearch/gallery-index-v1.json}).
 */
public final class IndexedGallery {
    static final String COLLECTION_FIELD = "collection";
    static final String VECTOR_FIELD = "vector";
    static final String TAGS_FIELD = "tags";
    static final String ID_FIELD = "id";
    static final String ATTRIBUTES_FIELD = "attributes";
    private static final int PAGE = 500;
    private static final String SCROLL_KEEP_ALIVE = "2m";
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final OpenSearchClient client;
    private final String alias;

    public IndexedGallery(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Images of {@code collection} visible to search now; 0 while the alias does not exist yet. */
    public long count(String collection) {
        return count(collection, null);
    }

    /** As {@link #count(String)}, only the images last published by replay {@code replayRun} (null = any). */
    public long count(String collection, String replayRun) {
        String query = replayRun == null ? collectionQuery(collection)
                : "{\"query\": {\"bool\": {\"filter\": [" + termQuery(collection) + ", {\"term\": {\"" + ATTRIBUTES_FIELD
                + "." + ReplayRun.ATTRIBUTE + "\": \"" + replayRun + "\"}}]}}}";
        OpenSearchClient.Response response = client.send("POST", "/" + alias + "/_count", query);
        if (response.status() == 404) {
            return 0;
        }
        if (!response.ok()) {
            throw new IllegalStateException("counting " + collection + " in " + alias + " failed with "
                    + response.status() + ": " + response.body());
        }
        return response.body().path("count").asLong();
    }

    /**
     * Removes every image of {@code collection} from the index (nothing when the alias does not exist), so a
     * re-run that replays the same collection waits for its own images instead of counting earlier ones.
     */
    public void deleteCollection(String collection) {
        OpenSearchClient.Response response = client.send("POST", "/" + alias
                + "/_delete_by_query?refresh=true&conflicts=proceed", collectionQuery(collection));
        if (response.status() != 404 && !response.ok()) {
            throw new IllegalStateException("removing " + collection + " from " + alias + " failed with "
                    + response.status() + ": " + response.body());
        }
    }

    /**
     * Waits until the index holds {@code expected} images of {@code collection}, printing progress on
     * {@code err}; fails with what it saw when {@code timeout} passes first.
     */
    public void awaitCount(String collection, long expected, Duration timeout, PrintStream err) {
        awaitCount(collection, null, expected, timeout, err);
    }

    /**
     * As {@link #awaitCount(String, long, Duration, PrintStream)}, counting only the images published by replay
     * {@code replayRun} (null = any): after a second replay of a split, the first one's images are already there
     * and must not end the wait before the new ones are indexed.
     */
    public void awaitCount(String collection, String replayRun, long expected, Duration timeout, PrintStream err) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextProgress = start;
        long seen = count(collection, replayRun);
        while (seen < expected) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("the index '" + alias + "' holds " + seen + " of " + expected
                        + " images of " + collection + (replayRun == null ? "" : " from replay " + replayRun)
                        + " after " + timeout.toSeconds() + " s (" + count(collection) + " of " + collection
                        + " in all): is the embedder running, subscribed to this benchmark's gallery topic and "
                        + "writing to this alias? Fewer in all than expected can also mean another replay published "
                        + "the same image ids into another collection since");
            }
            if (now >= nextProgress) {
                err.printf("eval: index holds %d/%d images of %s (%.0f%%), %d s%n", seen, expected, collection,
                        100.0 * seen / Math.max(expected, 1), Duration.ofNanos(now - start).toSeconds());
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep();
            seen = count(collection, replayRun);
        }
        err.printf("eval: index holds all %d images of %s%n", seen, collection);
    }

    /**
     * Every stored vector of {@code collection}, by image id, read with a scroll in index order. The image id is the
     * stored {@code id} field: a benchmark image's document id is scoped to its collection ({@code DocumentId}), and
     * queries, API hits and the protocols all name the plain image id.
     */
    public StoredGallery vectors(String collection) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        scroll(collection, List.of(VECTOR_FIELD, TAGS_FIELD, ID_FIELD), hit -> {
            ids.add(imageId(hit));
            vectors.add(vector(hit));
            tags.add(tags(hit));
        });
        return new StoredGallery(ids, vectors, tags);
    }

    /** The stored image URI of every image of {@code collection} that has one, by image id. */
    public Map<String, String> imageUris(String collection) {
        Map<String, String> uris = new HashMap<>();
        scroll(collection, List.of(GalleryIndex.IMAGE_URI, ID_FIELD), hit -> {
            JsonNode uri = hit.path("_source").path(GalleryIndex.IMAGE_URI);
            if (uri.isTextual()) {
                uris.put(imageId(hit), uri.asText());
            }
        });
        return uris;
    }

    private void scroll(String collection, List<String> fields, Consumer<JsonNode> eachHit) {
        JsonNode page = client.call("POST", "/" + alias + "/_search?scroll=" + SCROLL_KEEP_ALIVE,
                """
                {"size": %d, "sort": ["_doc"], "_source": %s, "query": %s}
                """.formatted(PAGE, Json.mapper().valueToTree(fields), termQuery(collection)));
        String scrollId = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                page.path("hits").path("hits").forEach(eachHit);
                page = client.call("POST", "/_search/scroll", """
                        {"scroll": "%s", "scroll_id": "%s"}""".formatted(SCROLL_KEEP_ALIVE, scrollId));
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            client.send("DELETE", "/_search/scroll", "{\"scroll_id\": \"" + scrollId + "\"}");
        }
    }

    /** The plain image id; documents written before the id field existed fall back to the document id. */
    private static String imageId(JsonNode hit) {
        return hit.path("_source").path(ID_FIELD).asText(hit.path("_id").asText());
    }

    private static float[] vector(JsonNode hit) {
        JsonNode values = hit.path("_source").path(VECTOR_FIELD);
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalStateException("indexed image " + hit.path("_id").asText() + " has no stored vector");
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        return vector;
    }

    private static List<String> tags(JsonNode hit) {
        JsonNode values = hit.path("_source").path(TAGS_FIELD);
        List<String> tags = new ArrayList<>();
        if (values.isTextual()) {
            tags.add(values.asText());
        }
        values.forEach(value -> tags.add(value.asText()));
        return tags;
    }

    private static String collectionQuery(String collection) {
        return "{\"query\": " + termQuery(collection) + "}";
    }

    private static String termQuery(String collection) {
        return "{\"term\": {\"" + COLLECTION_FIELD + "\": \"" + collection + "\"}}";
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index", e);
        }
    }
}
