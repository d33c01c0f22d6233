package io.cirstream.contract.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known about an image besides its pixels. Only {@code collection} is always present: it names the
 * gallery the image belongs to, so one index can hold several galleries and queries filter by it.
 * The other fields are null (or empty) when unknown.
 *
 * @param category   a coarse class such as a FashionIQ category or a PatternNet class
 * @param source     where the image came from (a path, a benchmark name, an uploader)
 * @param attributes free-form key/value pairs carried through to the index
 * @param caption    a caption of the image from the producer's own captioner (CVSI-style methods read it for a
 *                   reference by id); null when none. No captioner runs inside cirstream.
 * @param product    the catalogue product the image shows, shared by all images of one product, so a search can
 *                   return one result per product; null for images that belong to no product
 * @see MetadataRules the limits on every field
 */
public record ImageMetadata(String collection, String category, Instant capturedAt, GeoPoint geo,
                            BoundingBox bbox, String source, List<String> tags, Map<String, String> attributes,
                            String caption, String product) {

    public static final String DEFAULT_COLLECTION = "default";

    public ImageMetadata {
        collection = collection == null ? DEFAULT_COLLECTION : collection;
        if (!collection.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
            throw new InvalidFieldException("collection", "collection must be 1-128 characters of [A-Za-z0-9_.-] starting with "
                    + "a letter or digit, got '" + collection + "'");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        MetadataRules.check(category, capturedAt, source, tags, attributes);
        MetadataRules.checkCaption(caption);
        if (product != null) {
            EventRules.checkText("product", product, EventRules.MAX_ID_BYTES, false);
        }
    }

    /** Metadata without a caption, of an image that belongs to no product. */
    public ImageMetadata(String collection, String category, Instant capturedAt, GeoPoint geo, BoundingBox bbox,
                         String source, List<String> tags, Map<String, String> attributes) {
        this(collection, category, capturedAt, geo, bbox, source, tags, attributes, null, null);
    }

    /** The same metadata with a caption. */
    public ImageMetadata withCaption(String newCaption) {
        return new ImageMetadata(collection, category, capturedAt, geo, bbox, source, tags, attributes, newCaption,
                product);
    }

    /** The same metadata with the catalogue product it shows. */
    public ImageMetadata withProduct(String newProduct) {
        return new ImageMetadata(collection, category, capturedAt, geo, bbox, source, tags, attributes, caption,
                newProduct);
    }

    public static ImageMetadata inCollection(String collection) {
        return new ImageMetadata(collection, null, null, null, null, null, null, null);
    }

    public ImageMetadata withSource(String newSource) {
        return new ImageMetadata(collection, category, capturedAt, geo, bbox, newSource, tags, attributes, caption,
                product);
    }
}
