package io.cirstream.ingest.catalogue;

import com.fasterxml.jackson.core.JsonPointer;
import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.event.ImageMetadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one catalogue topic maps onto gallery events, read from the {@code source.<name>.*} keys of the configuration
 * (docs/connect-a-catalogue.md lists them). Field locations are JSON pointers into the record's value.
 *
 * @param metadata pointers by metadata field: {@code collection}, {@code category}, {@code tags}, {@code source},
 *                 {@code captured-at}, {@code lat}, {@code lon}, and {@code attributes.<key>} for each attribute
 */
public record CatalogueMapping(String name, String topic, JsonPointer id, JsonPointer imageUrls, String collection,
                               Map<String, JsonPointer> metadata, DeleteRule deleteWhen) {

    public static final String PREFIX = "source";
    static final String ATTRIBUTES = "attributes.";
    private static final java.util.Set<String> METADATA_FIELDS =
            java.util.Set.of("collection", "category", "tags", "source", "captured-at", "lat", "lon");

    public CatalogueMapping {
        metadata = Map.copyOf(metadata);
    }

    /** The mapping named {@code name}; a {@link ConfigException} names the key that is missing, unknown or invalid. */
    public static CatalogueMapping from(Settings settings, String name) {
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new ConfigException("a catalogue source name is lower-case letters, digits, '_' and '-': " + name);
        }
        String prefix = PREFIX + "." + name;
        Map<String, String> keys = normalised(settings.under(prefix));
        if (keys.isEmpty()) {
            throw new ConfigException("no " + prefix + ".* keys in the configuration: set at least " + prefix
                    + ".topic and " + prefix + ".image-urls (docs/connect-a-catalogue.md)");
        }
        try {
            Map<String, JsonPointer> metadata = new LinkedHashMap<>();
            keys.forEach((key, value) -> {
                if (key.startsWith("metadata.")) {
                    metadata.put(metadataField(prefix, key.substring("metadata.".length())), Pointers.parse(value));
                } else if (!java.util.List.of("topic", "id", "image-urls", "collection", "delete-when").contains(key)) {
                    throw new ConfigException("unknown key " + prefix + "." + key + " (known: topic, id, image-urls, "
                            + "collection, delete-when, metadata.<field>)");
                }
            });
            if (metadata.containsKey("lat") != metadata.containsKey("lon")) {
                throw new ConfigException(prefix + ".metadata.lat and .metadata.lon go together");
            }
            return new CatalogueMapping(name, required(keys, prefix, "topic"), Pointers.parse(keys.getOrDefault("id", "/id")),
                    Pointers.parse(required(keys, prefix, "image-urls")),
                    ImageMetadata.inCollection(keys.get("collection")).collection(), metadata,
                    DeleteRule.parse(keys.get("delete-when")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid " + prefix + ".*: " + e.getMessage());
        }
    }

    /** File keys use dashes; an environment variable's underscores arrive as dots ({@code image.urls}). */
    private static Map<String, String> normalised(Map<String, String> raw) {
        Map<String, String> out = new TreeMap<>();
        raw.forEach((key, value) -> out.put(key.startsWith("metadata." + ATTRIBUTES) ? key
                : key.replace("image.urls", "image-urls").replace("delete.when", "delete-when")
                        .replace("captured.at", "captured-at"), value.strip()));
        return out;
    }

    private static String metadataField(String prefix, String field) {
        if (METADATA_FIELDS.contains(field) || field.startsWith(ATTRIBUTES) && field.length() > ATTRIBUTES.length()) {
            return field;
        }
        throw new ConfigException("unknown key " + prefix + ".metadata." + field + " (known: " + METADATA_FIELDS
                + " and attributes.<key>)");
    }

    private static String required(Map<String, String> keys, String prefix, String key) {
        String value = keys.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("missing required setting " + prefix + "." + key);
        }
        return value;
    }
}
