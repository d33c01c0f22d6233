package io.cirstream.ingest.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state kept per product: its image ids, each with a fingerprint of the gallery event last sent for it. The ids
 * let an update delete the images dropped from the list (and a delete all of them); the fingerprints let it skip
 * the images whose URL and metadata did not change, so a price update re-embeds nothing.
 */
final class ProductImages {
    private static final GalleryEventCodec CODEC = new GalleryEventCodec();

    private ProductImages() {
    }

    /** The event without its time, hashed: equal for two events that would index the same document. */
    static String fingerprint(GalleryEvent event) {
        GalleryEvent timeless = new GalleryEvent(event.schema(), event.op(), event.id(), event.image(), event.metadata(), 0);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(CODEC.encode(timeless));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String encode(Map<String, String> images) {
        ObjectNode node = Json.mapper().createObjectNode();
        images.forEach(node::put);
        return node.toString();
    }

    static Map<String, String> decode(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(stored.getBytes(StandardCharsets.UTF_8), new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the product image store holds invalid JSON", e);
        }
    }
}
