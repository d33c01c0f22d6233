package io.cirstream.embedder.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.core.json.Json;
import io.cirstream.core.opensearch.OpenSearchClient;
import io.cirstream.core.opensearch.OpenSearchException;
import io.cirstream.embedder.model.SpaceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The k-NN gallery index: field names of {@code opensearch/gallery-index-v1.json} and its idempotent creation.
 * Every model pack gets its own concrete index {@code <alias>-v1-<model>} (vectors of different models are not
 * comparable), and readers only ever use the alias, so switching models is an alias swap.
 */
public final class GalleryIndex {
    public static final int MAPPING_VERSION = 1;
    static final String RESOURCE = "/opensearch/gallery-index-v" + MAPPING_VERSION + ".json";

    public static final String ID = "id";
    public static final String VECTOR = "vector";
    public static final String MODEL = "model";
    public static final String COLLECTION = "collection";
    public static final String CATEGORY = "category";
    public static final String CAPTURED_AT = "captured_at";
    public static final String GEO = "geo";
    public static final String BBOX = "bbox";
    public static final String SOURCE = "source";
    public static final String TAGS = "tags";
    public static final String ATTRIBUTES = "attributes";
    public static final String IMAGE_URI = "image_uri";
    public static final String CONTENT_TYPE = "content_type";
    public static final String EVENT_TIME = "event_time";
    public static final String INDEXED_AT = "indexed_at";

    private static final Logger LOG = LoggerFactory.getLogger(GalleryIndex.class);

    private GalleryIndex() {
    }

    /** {@code <alias>-v1-<model>}, lower-cased and with characters OpenSearch refuses replaced by '-'. */
    public static String concreteName(String alias, String modelId) {
        String model = modelId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        return alias + "-v" + MAPPING_VERSION + "-" + model;
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
        String index = concreteName(alias, modelId);
        if (client.exists(index)) {
            checkCompatible(client, index, dimension, modelId);
            client.call("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\""
                    + settings.refreshInterval() + "\",\"number_of_replicas\":" + settings.replicas() + "}}");
            return index;
        }
        OpenSearchClient.Response created = client.send("PUT", "/" + index, render(dimension, space, modelId, settings));
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

    static String render(int dimension, SpaceType space, String modelId, IndexSettings settings) {
        String template = resource();
        Map<String, String> values = Map.of("${dimension}", Integer.toString(dimension),
                "${space_type}", space.openSearchName(), "${refresh_interval}", settings.refreshInterval(),
                "${model}", modelId, "${shards}", Integer.toString(settings.shards()),
                "${replicas}", Integer.toString(settings.replicas()), "${m}", Integer.toString(settings.hnswM()),
                "${ef_construction}", Integer.toString(settings.hnswEfConstruction()));
        for (Map.Entry<String, String> e : values.entrySet()) {
            template = template.replace(e.getKey(), e.getValue());
        }
        return template;
    }

    private static void checkCompatible(OpenSearchClient client, String index, int dimension, String modelId) {
        JsonNode mappings = client.call("GET", "/" + index + "/_mapping", null).path(index).path("mappings");
        String model = mappings.path("_meta").path("model").asText();
        int existingDimension = mappings.path("properties").path(VECTOR).path("dimension").asInt();
        if (!model.equals(modelId) || existingDimension != dimension) {
            throw new IllegalStateException("index " + index + " holds model '" + model + "' with dimension "
                    + existingDimension + ", not '" + modelId + "' with dimension " + dimension);
        }
    }

    private static boolean alreadyExists(OpenSearchClient.Response response) {
        return response.status() == 400
                && response.body().path("error").path("type").asText().equals("resource_already_exists_exception");
    }

    private static String resource() {
        try (InputStream in = GalleryIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("index mapping resource " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
