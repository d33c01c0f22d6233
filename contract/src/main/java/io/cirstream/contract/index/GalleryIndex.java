package io.cirstream.contract.index;

import io.cirstream.contract.pack.SpaceType;

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
    /** The image's caption, when its event carried one (CVSI-style methods read it for a reference by id). */
    public static final String CAPTION = "caption";
    public static final String CONTENT_TYPE = "content_type";
    public static final String EVENT_TIME = "event_time";
    public static final String INDEXED_AT = "indexed_at";
    /** Added within mapping version 1: an index created before it gets it from {@link #ADDED_FIELDS}. */
    public static final String PRODUCT = "product";

    /**
     * A put-mapping body with the fields added to mapping version 1 after indexes of it were created. Adding a field
     * is the one mapping change OpenSearch allows on an existing index, and the mapping is strict, so an older index
     * must get the field before the first document carrying it; putting it again is a no-op. A change to an existing
     * field would need a new {@link #MAPPING_VERSION} (a new index and a re-index) instead.
     */
    public static final String ADDED_FIELDS = "{\"properties\": {\"" + CAPTION + "\": {\"type\": \"text\"}, \""
            + PRODUCT + "\": {\"type\": \"keyword\"}}}";

    private GalleryIndex() {
    }

    /** {@code <alias>-v1-<model>}, lower-cased and with characters OpenSearch refuses replaced by '-'. */
    public static String concreteName(String alias, String modelId) {
        String model = modelId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        return alias + "-v" + MAPPING_VERSION + "-" + model;
    }

    /** The index body (settings + mappings) for one model: the versioned mapping with its values filled in. */
    public static String mapping(int dimension, SpaceType space, String modelId, IndexSettings settings) {
        String template = resource();
        Map<String, String> values = Map.of("${dimension}", Integer.toString(dimension),
                "${space_type}", space.openSearchName(), "${refresh_interval}", settings.refreshInterval(),
                "${model}", modelId, "${shards}", Integer.toString(settings.shards()),
                "${replicas}", Integer.toString(settings.replicas()), "${m}", Integer.toString(settings.hnswM()),
                "${ef_construction}", Integer.toString(settings.hnswEfConstruction()),
                "${encoder}", IndexSettings.ENCODER_SQ.equals(settings.encoder())
                        ? ", \"encoder\": {\"name\": \"sq\", \"parameters\": {\"bits\": 7}}" : "");
        for (Map.Entry<String, String> e : values.entrySet()) {
            template = template.replace(e.getKey(), e.getValue());
        }
        return template;
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
