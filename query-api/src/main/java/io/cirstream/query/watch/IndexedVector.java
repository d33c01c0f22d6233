package io.cirstream.query.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A gallery image that has just been indexed, as read from the {@code vectors} topic. */
public record IndexedVector(String id, float[] vector, ObjectNode metadata) {
}
