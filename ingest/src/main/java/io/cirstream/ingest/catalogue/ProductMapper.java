package io.cirstream.ingest.catalogue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GeoPoint;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns one catalogue record (key = product id, value = JSON or a tombstone) into a {@link ProductChange} by its
 * {@link CatalogueMapping}. A pure function: the state (which images a product had) is the processor's.
 * Anything it cannot map is a {@link CatalogueRecordException} with the reason, never another exception.
 */
public final class ProductMapper {
    /** Hex digits of the URL's SHA-256 in an image id: 64 bits, no collision among one product's images. */
    static final int HASH_HEX = 16;

    private final CatalogueMapping mapping;

    public ProductMapper(CatalogueMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * The id of the image at {@code url} of {@code product}: {@code <product>#<16 hex of SHA-256(url)>}. It depends
     * on the URL only, so reordering a product's image list or dropping one image leaves the others' ids (and vectors)
     * alone.
     */
    public static String imageId(String product, String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return product + "#" + HexFormat.of().formatHex(hash).substring(0, HASH_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** @param eventTime the event time of the resulting gallery events (the catalogue record's timestamp) */
    public ProductChange map(String key, byte[] value, long eventTime) {
        if (value == null) {
            if (key == null) {
                throw new CatalogueRecordException("a tombstone without a key names no product");
            }
            return new ProductChange.Remove(checkedProduct(key));
        }
        JsonNode record = parse(value);
        String product = Pointers.text(record, mapping.id());
        if (product == null) {
            throw new CatalogueRecordException("no product id at " + mapping.id());
        }
        checkedProduct(product);
        if (key != null && !key.equals(product)) {
            throw new CatalogueRecordException("record key '" + key + "' is not the product id '" + product + "' (at "
                    + mapping.id() + "); tombstones delete by key, so the key must be the product id");
        }
        if (mapping.deleteWhen().deletes(record)) {
            return new ProductChange.Remove(product);
        }
        return new ProductChange.Replace(product, images(record, product, eventTime));
    }

    private List<GalleryEvent> images(JsonNode record, String product, long eventTime) {
        if (Pointers.absent(record.at(mapping.imageUrls()))) {
            throw new CatalogueRecordException("no image URLs at " + mapping.imageUrls()
                    + " (an empty array removes the product's images)");
        }
        ImageMetadata metadata = metadata(record, product);
        List<GalleryEvent> events = new ArrayList<>();
        for (String url : new LinkedHashSet<>(Pointers.strings(record, mapping.imageUrls()))) {
            try {
                events.add(GalleryEvent.upsert(imageId(product, url), ImageRef.uri(new URI(url), null), metadata,
                        eventTime));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new CatalogueRecordException("image URL '" + url + "' at " + mapping.imageUrls() + ": "
                        + e.getMessage());
            }
        }
        return events;
    }

    private ImageMetadata metadata(JsonNode record, String product) {
        Map<String, JsonPointer> at = mapping.metadata();
        String collection = at.containsKey("collection") ? Pointers.text(record, at.get("collection")) : null;
        Double lat = at.containsKey("lat") ? Pointers.number(record, at.get("lat")) : null;
        Double lon = at.containsKey("lon") ? Pointers.number(record, at.get("lon")) : null;
        Map<String, String> attributes = new LinkedHashMap<>();
        at.forEach((field, pointer) -> {
            if (field.startsWith(CatalogueMapping.ATTRIBUTES)) {
                String value = Pointers.text(record, pointer);
                if (value != null) {
                    attributes.put(field.substring(CatalogueMapping.ATTRIBUTES.length()), value);
                }
            }
        });
        try {
            return new ImageMetadata(collection == null ? mapping.collection() : collection, text(record, "category"),
                    at.containsKey("captured-at") ? Pointers.instant(record, at.get("captured-at")) : null,
                    lat == null || lon == null ? null : new GeoPoint(lat, lon), null,
                    at.containsKey("source") ? text(record, "source") : mapping.topic(),
                    at.containsKey("tags") ? Pointers.strings(record, at.get("tags")) : List.of(), attributes, null, product);
        } catch (IllegalArgumentException e) {
            throw new CatalogueRecordException("metadata: " + e.getMessage());
        }
    }

    private String text(JsonNode record, String field) {
        JsonPointer pointer = mapping.metadata().get(field);
        return pointer == null ? null : Pointers.text(record, pointer);
    }

    /** A product id leaves room for the image suffix within the id limit. */
    private static String checkedProduct(String product) {
        try {
            GalleryEvent.checkId(imageId(product, ""));
        } catch (IllegalArgumentException e) {
            throw new CatalogueRecordException("product id '" + product + "' does not make a valid image id: "
                    + e.getMessage());
        }
        if (product.isBlank()) {
            throw new CatalogueRecordException("the product id is blank");
        }
        return product;
    }

    private static JsonNode parse(byte[] value) {
        try {
            JsonNode record = Json.strictReader().readTree(value);
            if (record == null || !record.isObject()) {
                throw new CatalogueRecordException("the record is not a JSON object");
            }
            return record;
        } catch (IOException e) {
            throw new CatalogueRecordException("the record is not valid JSON: " + e.getMessage());
        }
    }
}
