package io.cirstream.query.search;

/**
 * The embeddings a search works with.
 *
 * @param image  reference embedding, null for text-only
 * @param text   modification embedding, null for image-only
 * @param query  the composed query vector, null for late-fusion methods
 * @param encodeNanos time spent in the model for this request
 */
public record EncodedQuery(float[] image, float[] text, float[] query, long encodeNanos) {
}
