package io.cirstream.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.pack.SpaceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the gallery index the way {@link GalleryIndex} describes it and moves its alias: the admin side of the
 * index contract, shared by the indexer, the query API's checks, the demo and the benchmarks.
 */
public final class GalleryIndexAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryIndexAdmin.class);

    private GalleryIndexAdmin() {
    }

    /**
     * Creates the concrete index for {@code modelId} unless it exists, checks an existing one was made for the same
     * model and dimension, applies the refresh interval, and points {@code alias} at it (atomically removing it from
     * any other index). Returns the concrete index name, which writers should use.
     */
    public static String ensure(OpenSearchClient client, String alias, int dimension, SpaceType space, String modelId,
                                IndexSettings settings) {
        String index = create(client, alias, dimension, space, modelId, settings);
        pointAlias(client, alias, index);
        return index;
    }

    /** Like {@link #ensure} but leaves the alias alone: the first step of a re-index to a new model. */
    public static String create(OpenSearchClient client, String alias, int dimension, SpaceType space, String modelId,
                                IndexSettings settings) {
        String index = GalleryIndex.concreteName(alias, modelId);
        if (client.exists(index)) {
            checkCompatible(client, index, dimension, modelId);
            client.call("PUT", "/" + index + "/_mapping", GalleryIndex.addedFields());
            client.call("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\""
                    + settings.refreshInterval() + "\",\"number_of_replicas\":" + settings.replicas() + "}}");
            return index;
        }
        OpenSearchClient.Response created = client.send("PUT", "/" + index, GalleryIndex.mapping(dimension, space, modelId, settings));
        if (created.ok()) {
            LOG.info("created index {} (model {}, dimension {}, {}, {} shards, {} replicas, hnsw m {} ef_construction {})",
                    index, modelId, dimension, space.openSearchName(), settings.shards(), settings.replicas(),
                    settings.hnswM(), settings.hnswEfConstruction());
        } else if (!alreadyExists(created)) {
            throw new OpenSearchException(created.status(), "cannot create index " + index + ": " + created.body());
        } else {
            checkCompatible(client, index, dimension, modelId);
        }
        return index;
    }

    /** Moves {@code alias} to {@code index} in one atomic request, so readers never see no index or two. */
    public static void pointAlias(OpenSearchClient client, String alias, String index) {
        OpenSearchClient.Response current = client.send("GET", "/_alias/" + alias, null);
        if (!current.ok() && client.exists(alias)) {
            throw new IllegalStateException("'" + alias + "' is a concrete index, not an alias; rename it or choose "
                    + "another opensearch.index");
        }
        ArrayNode actions = Json.mapper().createArrayNode();
        if (current.ok()) {
            current.body().fieldNames().forEachRemaining(old -> {
                if (!old.equals(index)) {
                    actions.addObject().putObject("remove").put("index", old).put("alias", alias);
                }
            });
        }
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("actions", actions);
        client.call("POST", "/_aliases", body.toString());
    }

    private static void checkCompatible(OpenSearchClient client, String index, int dimension, String modelId) {
        JsonNode mappings = client.call("GET", "/" + index + "/_mapping", null).path(index).path("mappings");
        String model = mappings.path("_meta").path("model").asText();
        int existingDimension = mappings.path("properties").path(GalleryIndex.VECTOR).path("dimension").asInt();
        if (!model.equals(modelId) || existingDimension != dimension) {
            throw new IllegalStateException("index " + index + " holds model '" + model + "' with dimension "
                    + existingDimension + ", not '" + modelId + "' with dimension " + dimension);
        }
    }

    private static boolean alreadyExists(OpenSearchClient.Response response) {
        return response.status() == 400
                && response.body().path("error").path("type").asText().equals("resource_already_exists_exception");
    }

    /** The concrete index behind {@code alias} and the model it was created for. */
    public record AliasTarget(String index, String model) {
    }

    /**
     * Where {@code alias} points, for a writer that did not create the index (a standalone indexer); fails clearly
     * while the embedder has not created it yet.
     */
    public static AliasTarget describe(OpenSearchClient client, String alias) {
        OpenSearchClient.Response current = client.send("GET", "/_alias/" + alias, null);
        if (!current.ok() || !current.body().fieldNames().hasNext()) {
            throw new IllegalStateException("no index behind alias '" + alias + "' yet: start the embedder once (it"
                    + " creates the index for its model pack), or check opensearch.index");
        }
        String index = current.body().fieldNames().next();
        String model = client.call("GET", "/" + index + "/_mapping", null).path(index).path("mappings")
                .path("_meta").path("model").asText();
        return new AliasTarget(index, model);
    }
}
