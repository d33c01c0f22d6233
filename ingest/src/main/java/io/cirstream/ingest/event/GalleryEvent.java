package io.cirstream.ingest.event;

import java.util.Objects;

/**
 * One change to a gallery, the value of a record on a gallery topic keyed by {@link #id()}. Only upserts
 * are events: a delete is a Kafka tombstone (key = image id, null value), so log compaction forgets it.
 *
 * @param schema    envelope version, {@link #SCHEMA} for everything this code writes
 * @param eventTime when the change happened at the source, epoch milliseconds
 */
public record GalleryEvent(int schema, Op op, String id, ImageRef image, ImageMetadata metadata, long eventTime) {

    public static final int SCHEMA = 1;
    /** Ids end up in OpenSearch document ids and HTTP paths; keep them bounded. */
    public static final int MAX_ID_LENGTH = 512;

    public enum Op { UPSERT }

    public GalleryEvent {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(metadata, "metadata");
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("unsupported schema version " + schema + " (supported: " + SCHEMA + ")");
        }
        checkId(id);
        if (eventTime < 0) {
            throw new IllegalArgumentException("eventTime must be epoch milliseconds >= 0, got " + eventTime);
        }
    }

    public static GalleryEvent upsert(String id, ImageRef image, ImageMetadata metadata, long eventTime) {
        return new GalleryEvent(SCHEMA, Op.UPSERT, id, image, metadata, eventTime);
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong with an image id. */
    public static void checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must be a non-blank string");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id is " + id.length() + " characters, the limit is " + MAX_ID_LENGTH);
        }
        if (!id.equals(id.strip())) {
            throw new IllegalArgumentException("id has leading or trailing whitespace: '" + id + "'");
        }
    }
}
