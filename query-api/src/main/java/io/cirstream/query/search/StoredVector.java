package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.index.GalleryIndex;

/** Reads the vector field out of a stored document. */
public final class StoredVector {

    private StoredVector() {
    }

    /** Removes the vector from {@code source} and returns it; null when the document carries none. */
    public static float[] take(ObjectNode source) {
        JsonNode node = source.remove(GalleryIndex.VECTOR);
        if (node == null || !node.isArray()) {
            return null;
        }
        float[] vector = new float[node.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) node.get(i).asDouble();
        }
        return vector;
    }
}
