package io.cirstream.contract.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The wire format of {@link GalleryEvent}: a versioned JSON envelope
 * <pre>{"schema":1,"op":"UPSERT","id":"...","eventTime":1700000000000,
 *  "image":{"inline":"&lt;base64&gt;" | "uri":"file:///...","contentType":"image/png"},
 *  "metadata":{"collection":"default","category":...,"capturedAt":"2024-05-01T12:00:00Z",
 *              "geo":{"lat":..,"lon":..},"bbox":{"minLon":..,"minLat":..,"maxLon":..,"maxLat":..},
 *              "source":...,"tags":[...],"attributes":{...},"product":...}}</pre>
 * Unknown fields are ignored so that a later minor addition does not break older readers; a higher
 * {@code schema} number is refused. Decoding is strict (no trailing data, no duplicate keys) and applies every
 * rule of {@link EventRules}, including the one that needs a clock: an event time too far in the future.
 */
public final class GalleryEventCodec implements EventCodec<GalleryEvent> {
    private final Clock clock;

    /** A codec whose decoding refuses event times too far ahead of the system clock. */
    public GalleryEventCodec() {
        this(Clock.systemUTC());
    }

    public GalleryEventCodec(Clock clock) {
        this.clock = clock;
    }

    @Override
    public byte[] encode(GalleryEvent event) {
        ObjectNode root = JsonWriter.envelope(event.schema());
        root.put("op", event.op().name());
        root.put("id", event.id());
        root.put("eventTime", event.eventTime());
        root.set("image", image(event.image()));
        root.set("metadata", metadata(event.metadata()));
        return JsonWriter.bytes(root);
    }

    @Override
    public GalleryEvent decode(byte[] json) {
        JsonReader root = JsonReader.parse(json);
        int schema = root.schema(GalleryEvent.SCHEMA);
        GalleryEvent.Op op = op(root);
        String id = root.string("id");
        root.build("id", () -> {
            GalleryEvent.checkId(id);
            return id;
        });
        long eventTime = root.longValue("eventTime");
        root.build("eventTime", () -> {
            EventRules.checkEventTime(eventTime);
            EventRules.checkNotFuture(eventTime, clock);
            return eventTime;
        });
        ImageRef image = image(root.object("image"));
        JsonReader metadataJson = root.optObject("metadata");
        ImageMetadata metadata = metadataJson == null ? ImageMetadata.inCollection(null) : metadata(metadataJson);
        return root.build("eventTime", () -> new GalleryEvent(schema, op, id, image, metadata, eventTime));
    }

    private static GalleryEvent.Op op(JsonReader root) {
        String op = root.string("op");
        try {
            return GalleryEvent.Op.valueOf(op);
        } catch (IllegalArgumentException e) {
            throw root.error("op", "unknown op '" + op + "' (known: UPSERT; deletes are tombstones)");
        }
    }

    private static ObjectNode image(ImageRef image) {
        ObjectNode node = JsonWriter.object();
        if (image.isInline()) {
            node.put("inline", Base64.getEncoder().encodeToString(image.inline()));
        } else {
            node.put("uri", image.uri().toString());
        }
        JsonWriter.putIfPresent(node, "contentType", image.contentType());
        return node;
    }

    private static ImageRef image(JsonReader image) {
        boolean inline = image.present("inline");
        if (inline == image.present("uri")) {
            throw image.error("", "exactly one of 'inline' or 'uri' must be present");
        }
        String contentType = image.optString("contentType");
        image.build("contentType", () -> {
            EventRules.checkContentType(contentType);
            return contentType;
        });
        if (inline) {
            byte[] bytes = image.base64("inline");
            return image.build("inline", () -> ImageRef.inline(bytes, contentType));
        }
        String text = image.string("uri");
        try {
            URI uri = new URI(text);
            return image.build("uri", () -> ImageRef.uri(uri, contentType));
        } catch (URISyntaxException e) {
            throw image.error("uri", "not a valid URI: " + e.getMessage());
        }
    }

    private static ObjectNode metadata(ImageMetadata metadata) {
        ObjectNode node = JsonWriter.object();
        node.put("collection", metadata.collection());
        JsonWriter.putIfPresent(node, "category", metadata.category());
        JsonWriter.putIfPresent(node, "capturedAt", metadata.capturedAt());
        if (metadata.geo() != null) {
            node.putObject("geo").put("lat", metadata.geo().lat()).put("lon", metadata.geo().lon());
        }
        if (metadata.bbox() != null) {
            BoundingBox b = metadata.bbox();
            node.putObject("bbox").put("minLon", b.minLon()).put("minLat", b.minLat())
                    .put("maxLon", b.maxLon()).put("maxLat", b.maxLat());
        }
        JsonWriter.putIfPresent(node, "source", metadata.source());
        JsonWriter.putStrings(node, "tags", metadata.tags());
        ObjectNode attributes = node.putObject("attributes");
        metadata.attributes().forEach(attributes::put);
        JsonWriter.putIfPresent(node, "caption", metadata.caption());
        JsonWriter.putIfPresent(node, "product", metadata.product());
        return node;
    }

    private static ImageMetadata metadata(JsonReader m) {
        GeoPoint geo = geo(m);
        BoundingBox bbox = bbox(m);
        String collection = m.optString("collection");
        String category = m.optString("category");
        Instant capturedAt = m.optInstant("capturedAt");
        String source = m.optString("source");
        List<String> tags = m.optStrings("tags");
        Map<String, String> attributes = m.optStringMap("attributes");
        String caption = m.optString("caption");
        String product = m.optString("product");
        return m.build("", () -> new ImageMetadata(collection, category, capturedAt, geo, bbox,
                source, tags, attributes, caption, product));
    }

    private static GeoPoint geo(JsonReader m) {
        JsonReader g = m.optObject("geo");
        if (g == null) {
            return null;
        }
        double lat = g.number("lat");
        double lon = g.number("lon");
        return m.build("geo", () -> new GeoPoint(lat, lon));
    }

    private static BoundingBox bbox(JsonReader m) {
        JsonReader b = m.optObject("bbox");
        if (b == null) {
            return null;
        }
        double minLon = b.number("minLon");
        double minLat = b.number("minLat");
        double maxLon = b.number("maxLon");
        double maxLat = b.number("maxLat");
        return m.build("bbox", () -> new BoundingBox(minLon, minLat, maxLon, maxLat));
    }
}
