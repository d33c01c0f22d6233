package io.cirstream.contract.vector;



import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.ImageMetadata;

import java.util.Arrays;
import java.util.Objects;

/**
 * One embedded gallery image, the value of a record on the compacted {@code vectors} topic keyed by {@link #id()}.
 * A delete is a tombstone (null value) on that topic, just as on the gallery topics.
 *
 * @param model       id of the model pack that produced the vector; vectors of different packs never mix
 * @param imageUri    where the image can be fetched for display, or null when it travelled inline
 * @param contentType the image media type, or null when unknown
 * @param eventTime   the source event's time (epoch ms); the OpenSearch external version of the document (the record
 *                    timestamp is the source record's, clamped to [0, now]: see {@code OutputTimestamp})
 */
public record VectorEvent(String id, float[] vector, String model, ImageMetadata metadata, String imageUri,
                          String contentType, long eventTime) {

    public VectorEvent {
        GalleryEvent.checkId(id);
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector of " + id + " is empty");
        }
        if (eventTime < 0) {
            throw new IllegalArgumentException("eventTime must be epoch milliseconds >= 0, got " + eventTime);
        }
        vector = vector.clone();
    }

    /** The vector for {@code event}, carrying its id, metadata, image location and time. */
    public static VectorEvent of(GalleryEvent event, float[] vector, String model) {
        String uri = event.image().isInline() ? null : event.image().uri().toString();
        return new VectorEvent(event.id(), vector, model, event.metadata(), uri, event.image().contentType(),
                event.eventTime());
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorEvent other && id.equals(other.id) && Arrays.equals(vector, other.vector)
                && model.equals(other.model) && metadata.equals(other.metadata)
                && Objects.equals(imageUri, other.imageUri) && Objects.equals(contentType, other.contentType)
                && eventTime == other.eventTime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(vector), model, metadata, imageUri, contentType, eventTime);
    }

    @Override
    public String toString() {
        return "VectorEvent[id=" + id + ", dim=" + vector.length + ", model=" + model + ", eventTime=" + eventTime + "]";
    }
}
