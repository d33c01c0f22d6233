package io.cirstream.contract.vector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.event.BoundingBox;
import io.cirstream.contract.event.EventCodec;
import io.cirstream.contract.event.GeoPoint;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.MalformedEventException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cirstream.contract.index.GalleryIndex.ATTRIBUTES;
import static io.cirstream.contract.index.GalleryIndex.BBOX;
import static io.cirstream.contract.index.GalleryIndex.CAPTURED_AT;
import static io.cirstream.contract.index.GalleryIndex.CATEGORY;
import static io.cirstream.contract.index.GalleryIndex.COLLECTION;
import static io.cirstream.contract.index.GalleryIndex.CONTENT_TYPE;
import static io.cirstream.contract.index.GalleryIndex.EVENT_TIME;
import static io.cirstream.contract.index.GalleryIndex.GEO;
import static io.cirstream.contract.index.GalleryIndex.ID;
import static io.cirstream.contract.index.GalleryIndex.IMAGE_URI;
import static io.cirstream.contract.index.GalleryIndex.MODEL;
import static io.cirstream.contract.index.GalleryIndex.PRODUCT;
import static io.cirstream.contract.index.GalleryIndex.SOURCE;
import static io.cirstream.contract.index.GalleryIndex.CAPTION;
import static io.cirstream.contract.index.GalleryIndex.TAGS;
import static io.cirstream.contract.index.GalleryIndex.VECTOR;

/**
 * The wire format of {@link VectorEvent}: exactly the gallery index document ({@link io.cirstream.contract.index.GalleryIndex}
 * field names), so the sink indexes what the topic carries and a re-index is a plain replay. Optional fields are
 * omitted; {@code bbox} is a GeoJSON-style envelope as the {@code geo_shape} mapping expects.
 */
public final class VectorEventCodec implements EventCodec<VectorEvent> {

    @Override
    public byte[] encode(VectorEvent event) {
        try {
            return Json.mapper().writeValueAsBytes(document(event));
        } catch (IOException e) {
            throw new IllegalStateException("a vector event failed to serialise", e);
        }
    }

    /** The index document for {@code event} (without {@code indexed_at}, which the sink stamps). */
    public static ObjectNode document(VectorEvent event) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put(ID, event.id());
        ArrayNode vector = doc.putArray(VECTOR);
        for (float x : event.vector()) {
            vector.add(x);
        }
        doc.put(MODEL, event.model());
        putMetadata(doc, event.metadata());
        putIfPresent(doc, IMAGE_URI, event.imageUri());
        putIfPresent(doc, CONTENT_TYPE, event.contentType());
        doc.put(EVENT_TIME, event.eventTime());
        return doc;
    }

    private static void putMetadata(ObjectNode doc, ImageMetadata m) {
        doc.put(COLLECTION, m.collection());
        putIfPresent(doc, CATEGORY, m.category());
        putIfPresent(doc, CAPTURED_AT, m.capturedAt() == null ? null : m.capturedAt().toString());
        if (m.geo() != null) {
            doc.putObject(GEO).put("lat", m.geo().lat()).put("lon", m.geo().lon());
        }
        if (m.bbox() != null) {
            BoundingBox b = m.bbox();
            ObjectNode shape = doc.putObject(BBOX).put("type", "envelope");
            ArrayNode corners = shape.putArray("coordinates");
            corners.addArray().add(b.minLon()).add(b.maxLat());
            corners.addArray().add(b.maxLon()).add(b.minLat());
        }
        putIfPresent(doc, SOURCE, m.source());
        if (!m.tags().isEmpty()) {
            m.tags().forEach(doc.putArray(TAGS)::add);
        }
        if (!m.attributes().isEmpty()) {
            m.attributes().forEach(doc.putObject(ATTRIBUTES)::put);
        }
        putIfPresent(doc, CAPTION, m.caption());
        putIfPresent(doc, PRODUCT, m.product());
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    @Override
    public VectorEvent decode(byte[] json) {
        JsonNode doc;
        try {
            doc = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new MalformedEventException("$", "not valid JSON: " + e.getMessage());
        }
        if (doc == null || !doc.isObject()) {
            throw new MalformedEventException("$", "expected a JSON object");
        }
        try {
            return new VectorEvent(text(doc, ID), vector(doc), text(doc, MODEL), metadata(doc),
                    optText(doc, IMAGE_URI), optText(doc, CONTENT_TYPE), required(doc, EVENT_TIME).asLong());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("$", e.getMessage());
        }
    }

    private static float[] vector(JsonNode doc) {
        JsonNode array = required(doc, VECTOR);
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new MalformedEventException(VECTOR + "[" + i + "]", "expected a number");
            }
            vector[i] = array.get(i).floatValue();
        }
        return vector;
    }

    private static ImageMetadata metadata(JsonNode doc) {
        String capturedAt = optText(doc, CAPTURED_AT);
        JsonNode geo = doc.path(GEO);
        JsonNode corners = doc.path(BBOX).path("coordinates");
        List<String> tags = new ArrayList<>();
        doc.path(TAGS).forEach(t -> tags.add(t.asText()));
        Map<String, String> attributes = new LinkedHashMap<>();
        doc.path(ATTRIBUTES).properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return new ImageMetadata(optText(doc, COLLECTION), optText(doc, CATEGORY),
                capturedAt == null ? null : Instant.parse(capturedAt),
                geo.isObject() ? new GeoPoint(geo.path("lat").asDouble(), geo.path("lon").asDouble()) : null,
                corners.size() == 2 ? new BoundingBox(corners.get(0).get(0).asDouble(), corners.get(1).get(1).asDouble(),
                        corners.get(1).get(0).asDouble(), corners.get(0).get(1).asDouble()) : null,
                optText(doc, SOURCE), tags, attributes, optText(doc, CAPTION), optText(doc, PRODUCT));
    }

    private static JsonNode required(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException(field, "required field is missing");
        }
        return value;
    }

    private static String text(JsonNode doc, String field) {
        return required(doc, field).asText();
    }

    private static String optText(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
