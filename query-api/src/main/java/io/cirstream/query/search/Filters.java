package io.cirstream.query.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.index.GalleryIndex;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata restrictions of a search, already validated. They become the {@code filter} of the k-NN clause,
 * so OpenSearch filters while it searches the graph (efficient filtering) instead of trimming the top k.
 *
 * @param terms    keyword field → accepted values (any of them matches)
 * @param captured inclusive time range on {@code captured_at}; either end may be open
 * @param box      geo bounding box on {@code geo}
 * @param near     geo distance on {@code geo}
 */
public record Filters(Map<String, List<String>> terms, Optional<TimeRange> captured, Optional<GeoBox> box,
                      Optional<GeoDistance> near) {

    public record TimeRange(Optional<Instant> from, Optional<Instant> to) {
    }

    public record GeoBox(double top, double left, double bottom, double right) {
    }

    public record GeoDistance(double lat, double lon, double km) {
    }

    public Filters {
        terms = Map.copyOf(terms);
    }

    public static Filters none() {
        return new Filters(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return terms.isEmpty() && captured.isEmpty() && box.isEmpty() && near.isEmpty();
    }

    /** An OpenSearch {@code bool} filter; only meaningful when not {@link #isEmpty()}. */
    public ObjectNode toOpenSearch() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode clauses = f.arrayNode();
        terms.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ArrayNode values = clauses.addObject().putObject("terms").putArray(e.getKey());
            e.getValue().forEach(values::add);
        });
        captured.ifPresent(range -> {
            ObjectNode bounds = clauses.addObject().putObject("range").putObject(GalleryIndex.CAPTURED_AT);
            range.from().ifPresent(from -> bounds.put("gte", from.toString()));
            range.to().ifPresent(to -> bounds.put("lte", to.toString()));
        });
        box.ifPresent(b -> {
            ObjectNode corners = clauses.addObject().putObject("geo_bounding_box").putObject(GalleryIndex.GEO);
            corners.putObject("top_left").put("lat", b.top()).put("lon", b.left());
            corners.putObject("bottom_right").put("lat", b.bottom()).put("lon", b.right());
        });
        near.ifPresent(d -> clauses.addObject().putObject("geo_distance")
                .put("distance", d.km() + "km")
                .set(GalleryIndex.GEO, f.objectNode().put("lat", d.lat()).put("lon", d.lon())));
        ObjectNode bool = f.objectNode();
        bool.putObject("bool").set("filter", clauses);
        return bool;
    }
}
