package io.cirstream.query.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.model.composition.Method;

import java.util.List;

/** What a search returns: ranked results, where the time went, and the method that ranked them. */
public record SearchResult(List<Item> results, Timings timings, Method method) {

    /**
     * @param score   the similarity to the composed query, or the fused WeiCom score
     * @param explain per-modality similarities, null unless asked for
     */
    public record Item(String id, double score, ObjectNode metadata, Explain explain) {
    }

    /** Cosine similarity of the result to the reference image embedding and to the text embedding (null when unused). */
    public record Explain(Double image, Double text) {
    }

    public record Timings(double encodeMs, double knnMs, double totalMs) {
    }
}
