package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.index.DocumentId;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.vertx.core.Future;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Non-blocking reads of the gallery index behind its alias: documents by id and k-NN searches. */
public final class GalleryStore {

    private final OpenSearchTransport transport;
    private final String alias;
    private final SpaceType space;
    private final int efSearch;

    public GalleryStore(OpenSearchClient client, String alias, SpaceType space) {
        this(client, alias, space, 0);
    }

    /** {@code efSearch}: the HNSW search beam of every k-NN query, 0 for the engine's default. */
    public GalleryStore(OpenSearchClient client, String alias, SpaceType space, int efSearch) {
        this(new JdkTransport(client), alias, space, efSearch);
    }

    public GalleryStore(OpenSearchTransport transport, String alias, SpaceType space, int efSearch) {
        this.transport = transport;
        this.alias = alias;
        this.space = space;
        this.efSearch = efSearch;
    }

    /** The stored document of the live gallery image {@code id} (vector included), or empty when there is none. */
    public Future<Optional<ObjectNode>> document(String id) {
        return byDocumentId(id);
    }

    /**
     * The stored document of image {@code id} (vector included) in {@code collection}, or when that is null: the
     * live gallery's image with this id, else the only collection's that has it. The same id in several benchmark
     * collections and not in the live gallery is {@code ambiguous_reference}. Lookups by document id are real-time
     * (an image indexed a moment ago is found); only the last, cross-collection one is a search.
     */
    public Future<Optional<ObjectNode>> document(String id, String collection) {
        if (collection == null) {
            return byDocumentId(id).compose(live -> live.isPresent() ? Future.succeededFuture(live) : uniqueById(id));
        }
        return byDocumentId(DocumentId.scoped(collection, id)).compose(scoped -> scoped.isPresent()
                ? Future.succeededFuture(scoped)
                : byDocumentId(id).map(live -> live.filter(doc -> collection.equals(doc.path(GalleryIndex.COLLECTION)
                        .asText(ImageMetadata.DEFAULT_COLLECTION)))));
    }

    private Future<Optional<ObjectNode>> uniqueById(String id) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("size", 2);
        body.putObject("query").putObject("term").put(GalleryIndex.ID, id);
        return send("POST", "/" + alias + "/_search", body).map(response -> {
            JsonNode hits = ok(response).path("hits").path("hits");
            if (hits.size() > 1) {
                throw QueryError.of(ErrorCode.AMBIGUOUS_REFERENCE, "image id '" + id + "' is in several collections ("
                        + hits.get(0).path("_source").path(GalleryIndex.COLLECTION).asText() + ", "
                        + hits.get(1).path("_source").path(GalleryIndex.COLLECTION).asText()
                        + ", ...); name one with reference.collection");
            }
            return hits.isEmpty() ? Optional.<ObjectNode>empty() : Optional.of((ObjectNode) hits.get(0).path("_source"));
        });
    }

    private Future<Optional<ObjectNode>> byDocumentId(String id) {
        String path = "/" + alias + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return send("GET", path, null).map(response -> {
            if (response.status() == 404 && !response.body().path("error").isObject()) {
                return Optional.<ObjectNode>empty();
            }
            JsonNode source = ok(response).path("_source");
            return source.isObject() ? Optional.of((ObjectNode) source) : Optional.empty();
        });
    }

    public Future<List<GalleryHit>> knn(KnnQuery query) {
        return send("POST", "/" + alias + "/_search", query.toJson(efSearch))
                .map(response -> hits(ok(response).path("hits").path("hits")));
    }

    /** Whether the alias resolves to an index. */
    public Future<Boolean> ready() {
        return send("HEAD", "/" + alias, null).map(OpenSearchTransport.Reply::ok);
    }

    public String alias() {
        return alias;
    }

    private Future<OpenSearchTransport.Reply> send(String method, String path, JsonNode body) {
        return transport.send(method, path, body).recover(e -> Future.failedFuture(QueryError.of(ErrorCode.OPENSEARCH_UNREACHABLE,
                        "OpenSearch did not answer: " + e.getMessage())));
    }

    private JsonNode ok(OpenSearchTransport.Reply response) {
        if (response.status() == 404) {
            throw QueryError.of(ErrorCode.INDEX_MISSING, "the gallery index '" + alias + "' does not exist yet");
        }
        if (!response.ok()) {
            JsonNode error = response.body().path("error");
            throw QueryError.of(ErrorCode.OPENSEARCH_ERROR, "OpenSearch answered " + response.status() + ": "
                    + error.path("type").asText() + " " + error.path("reason").asText());
        }
        return response.body();
    }

    private List<GalleryHit> hits(JsonNode hits) {
        List<GalleryHit> out = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            ObjectNode source = hit.path("_source").isObject() ? (ObjectNode) hit.get("_source")
                    : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            float[] vector = StoredVector.take(source);
            // The image id, not the document id, which is scoped by collection for benchmark images (DocumentId).
            out.add(new GalleryHit(source.path(GalleryIndex.ID).asText(hit.path("_id").asText()),
                    ScoreConversion.toSimilarity(space, hit.path("_score").asDouble()), source, vector));
        }
        return out;
    }
}
