package io.cirstream.ingest.source;

import io.cirstream.contract.event.BoundingBox;
import io.cirstream.contract.event.GeoPoint;
import io.cirstream.contract.event.ImageMetadata;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One image list entry with its well-known fields by name, whether it came from a CSV row or a JSONL object.
 * Known names: {@code id}, {@code path} or {@code uri}, {@code collection}, {@code category},
 * {@code captured_at}, {@code lat}, {@code lon}, {@code min_lon}, {@code min_lat}, {@code max_lon},
 * {@code max_lat}, {@code source}, {@code tags}, {@code caption}; any other CSV column becomes an attribute.
 */
record ImageListRow(Map<String, String> fields, List<String> tags, Map<String, String> attributes) {

    static final Set<String> KNOWN = Set.of("id", "path", "uri", "collection", "category", "captured_at", "lat",
            "lon", "min_lon", "min_lat", "max_lon", "max_lat", "source", "tags",
            "caption");

    String get(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    ImageMetadata metadata(String defaultCollection) {
        String collection = get("collection");
        return new ImageMetadata(collection == null ? defaultCollection : collection, get("category"),
                instant("captured_at"), geo(), bbox(), get("source"), tags, attributes, get("caption"), null);
    }

    private Instant instant(String name) {
        String text = get(name);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not an ISO-8601 instant: '" + text + "'");
        }
    }

    private GeoPoint geo() {
        if (get("lat") == null && get("lon") == null) {
            return null;
        }
        return new GeoPoint(number("lat"), number("lon"));
    }

    private BoundingBox bbox() {
        if (get("min_lon") == null && get("min_lat") == null && get("max_lon") == null && get("max_lat") == null) {
            return null;
        }
        return new BoundingBox(number("min_lon"), number("min_lat"), number("max_lon"), number("max_lat"));
    }

    private double number(String name) {
        String text = get(name);
        if (text == null) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a number: '" + text + "'");
        }
    }
}
