package io.cirstream.contract.event;

import java.util.Objects;

/**
 * One change to a gallery, the value of a record on a gallery topic keyed by {@link #id()}. Only upserts
 * are events: a delete is a Kafka tombstone (key = image id, null value), so log compaction forgets it.
 *
 * @param schema    envelope version, {@link #SCHEMA} for everything this code writes
 * @param eventTime when the change happened at the source, epoch milliseconds
 * @see EventRules the rules every field must satisfy
 */
public record GalleryEvent(int schema, Op op, String id, ImageRef image, ImageMetadata metadata, long eventTime) {

    public static final int SCHEMA = 1;

    public enum Op { UPSERT }

    public GalleryEvent {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(metadata, "metadata");
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("unsupported schema version " + schema + " (supported: " + SCHEMA + ")");
        }
        checkId(id);
        EventRules.checkEventTime(eventTime);
    }

    public static GalleryEvent upsert(String id, ImageRef image, ImageMetadata metadata, long eventTime) {
        return new GalleryEvent(SCHEMA, Op.UPSERT, id, image, metadata, eventTime);
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong with an image id ({@link EventRules#checkId}). */
    public static void checkId(String id) {
        EventRules.checkId(id);
    }
}
