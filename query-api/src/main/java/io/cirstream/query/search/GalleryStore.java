package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The stored document (vector included), or empty when no image has this id. */
    public Future<Optional<ObjectNode>> document(String id) {
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
        return send("POST", "/" + alias + "/_search", query.toJson(efSearch).toString())
                .map(response -> hits(ok(response).path("hits").path("hits")));
    }

    /** Whether the alias resolves to an index. */
    public Future<Boolean> ready() {
        return send("HEAD", "/" + alias, null).map(OpenSearchTransport.Reply::ok);
    }

    public String alias() {
        return alias;
    }

    private Future<OpenSearchTransport.Reply> send(String method, String path, String body) {
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
            out.add(new GalleryHit(hit.path("_id").asText(),
                    ScoreConversion.toSimilarity(space, hit.path("_score").asDouble()), source, vector));
        }
        return out;
    }
}
