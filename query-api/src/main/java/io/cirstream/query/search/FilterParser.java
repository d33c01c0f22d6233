package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code filters} object of a request:
 * <pre>
 * {"collection": "a" | ["a", "b"], "category": ..., "source": ..., "tags": ...,
 *  "captured_at": {"from": ISO-8601 instant, "to": ISO-8601 instant},
 *  "bbox": {"top": lat, "left": lon, "bottom": lat, "right": lon},
 *  "near": {"lat": lat, "lon": lon, "km": radius}}
 * </pre>
 * Every mistake is a 400 {@code bad_filter} naming the field.
 */
public final class FilterParser {
    private static final int MAX_VALUES = 100;
    /** The keyword fields a filter may match terms on. */
    static final List<String> TERM_FIELDS = List.of(GalleryIndex.COLLECTION, GalleryIndex.CATEGORY,
            GalleryIndex.SOURCE, GalleryIndex.TAGS);

    private FilterParser() {
    }

    public static Filters parse(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Filters.none();
        }
        if (!node.isObject()) {
            throw bad("filters must be an object");
        }
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (TERM_FIELDS.contains(name)) {
                terms.put(name, values(name, node.get(name)));
            } else if (!List.of(GalleryIndex.CAPTURED_AT, "bbox", "near").contains(name)) {
                throw bad("unknown filter '" + name + "'; known: " + String.join(", ", TERM_FIELDS)
                        + ", captured_at, bbox, near");
            }
        }
        return new Filters(terms, optional(node, GalleryIndex.CAPTURED_AT).map(FilterParser::timeRange),
                optional(node, "bbox").map(FilterParser::box), optional(node, "near").map(FilterParser::distance));
    }

    private static Optional<JsonNode> optional(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value != null && value.isNull()) {
            throw bad(name + " must not be null; leave it out instead");
        }
        return Optional.ofNullable(value);
    }

    private static List<String> values(String name, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual() && !node.asText().isBlank()) {
            out.add(node.asText());
        } else if (node.isArray() && !node.isEmpty() && node.size() <= MAX_VALUES) {
            node.forEach(v -> {
                if (!v.isTextual() || v.asText().isBlank()) {
                    throw bad(name + " values must be non-empty strings");
                }
                out.add(v.asText());
            });
        } else {
            throw bad(name + " must be a non-empty string or an array of 1.." + MAX_VALUES + " strings");
        }
        return out;
    }

    private static Filters.TimeRange timeRange(JsonNode node) {
        requireObject("captured_at", node, List.of("from", "to"));
        Filters.TimeRange range = new Filters.TimeRange(instant(node, "from"), instant(node, "to"));
        if (range.from().isEmpty() && range.to().isEmpty()) {
            throw bad("captured_at needs 'from', 'to' or both");
        }
        if (range.from().isPresent() && range.to().isPresent() && range.from().get().isAfter(range.to().get())) {
            throw bad("captured_at.from is after captured_at.to");
        }
        return range;
    }

    private static Optional<Instant> instant(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw bad("captured_at." + name + " must be an ISO-8601 instant string, got " + value);
        }
        try {
            return Optional.of(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            throw bad("captured_at." + name + " is not an ISO-8601 instant such as 2024-05-01T00:00:00Z: '"
                    + value.asText() + "'");
        }
    }

    private static Filters.GeoBox box(JsonNode node) {
        requireObject("bbox", node, List.of("top", "left", "bottom", "right"));
        Filters.GeoBox box = new Filters.GeoBox(latitude(node, "bbox.top", "top"), longitude(node, "bbox.left", "left"),
                latitude(node, "bbox.bottom", "bottom"), longitude(node, "bbox.right", "right"));
        if (box.bottom() > box.top()) {
            throw bad("bbox.bottom must not be north of bbox.top");
        }
        return box;
    }

    private static Filters.GeoDistance distance(JsonNode node) {
        requireObject("near", node, List.of("lat", "lon", "km"));
        double km = number(node, "near.km", "km");
        if (!(km > 0 && km <= 20_040)) {
            throw bad("near.km must be within (0, 20040], got " + km);
        }
        return new Filters.GeoDistance(latitude(node, "near.lat", "lat"), longitude(node, "near.lon", "lon"), km);
    }

    private static void requireObject(String what, JsonNode node, List<String> allowed) {
        if (!node.isObject()) {
            throw bad(what + " must be an object with " + String.join(", ", allowed));
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw bad("unknown field " + what + "." + name + "; allowed: " + String.join(", ", allowed));
            }
        });
    }

    private static double latitude(JsonNode node, String path, String name) {
        double lat = number(node, path, name);
        if (lat < -90 || lat > 90) {
            throw bad(path + " must be a latitude within [-90, 90], got " + lat);
        }
        return lat;
    }

    private static double longitude(JsonNode node, String path, String name) {
        double lon = number(node, path, name);
        if (lon < -180 || lon > 180) {
            throw bad(path + " must be a longitude within [-180, 180], got " + lon);
        }
        return lon;
    }

    private static double number(JsonNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw bad(path + " must be a finite number");
        }
        return value.asDouble();
    }

    private static QueryError bad(String message) {
        return QueryError.of(ErrorCode.BAD_FILTER, message);
    }
}
