package io.cirstream.query.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.index.GalleryIndex;

/**
 * One lucene k-NN search: the query vector, how many neighbours, the metadata filter placed inside the
 * {@code knn} clause (efficient filtering), and whether hits should carry their stored vectors (needed
 * for explanations and WeiCom's per-modality similarities; left out otherwise to keep responses small).
 */
public record KnnQuery(float[] vector, int k, Filters filters, boolean withVectors) {

    public ObjectNode toJson() {
        return toJson(0);
    }

    /** The request body; {@code efSearch} > 0 sets the HNSW search beam of this query (0: the engine's default). */
    public ObjectNode toJson(int efSearch) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode().put("size", k);
        if (!withVectors) {
            body.putObject("_source").putArray("excludes").add(GalleryIndex.VECTOR);
        }
        ObjectNode knn = body.putObject("query").putObject("knn").putObject(GalleryIndex.VECTOR);
        ArrayNode values = knn.putArray("vector");
        for (float v : vector) {
            values.add(v);
        }
        knn.put("k", k);
        if (efSearch > 0) {
            knn.putObject("method_parameters").put("ef_search", Math.max(efSearch, k));
        }
        if (!filters.isEmpty()) {
            knn.set("filter", filters.toOpenSearch());
        }
        return body;
    }
}
