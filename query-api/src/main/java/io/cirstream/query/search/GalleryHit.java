package io.cirstream.query.search;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A gallery image returned by a search.
 *
 * @param similarity the similarity to the query vector in the pack's space (cosine, or inner product)
 * @param metadata   the stored document without its vector
 * @param vector     the stored vector when it was asked for, else null
 */
public record GalleryHit(String id, double similarity, ObjectNode metadata, float[] vector) {
}
