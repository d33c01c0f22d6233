package io.cirstream.eval.live;

import io.cirstream.opensearch.GalleryIndexAdmin;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.model.ModelRuntime;
import io.cirstream.ingest.replay.ReplayRun;

import java.io.IOException;
import java.util.Map;

/**
 * Writes a synthetic world's vectors straight into a fresh index behind an alias, with the embedder's
 * versioned mapping and field names: what the embedder would have written, so the evaluation runner can be
 * tested on real OpenSearch and the real query API independently of the streaming service.
 */
final class DirectIndex {

    private DirectIndex() {
    }

    /** Creates {@code <alias>-v1} behind {@code alias} and indexes every image of the bench in {@code collection}. */
    static String create(OpenSearchClient client, ModelRuntime runtime, String alias, SyntheticBench bench,
                         String collection) throws IOException {
        return create(client, runtime, alias, bench, collection, null);
    }

    /** As above, the images marked as published by replay {@code replayRun}, as the embedder would index them. */
    static String create(OpenSearchClient client, ModelRuntime runtime, String alias, SyntheticBench bench,
                         String collection, String replayRun) throws IOException {
        // Created exactly as the embedder creates it (mapping, settings, alias), only filled directly.
        String index = GalleryIndexAdmin.ensure(client, alias, runtime.dimension(), runtime.space(), runtime.packId(),
                IndexSettings.defaults("1s"));
        StringBuilder bulk = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, float[]> image : bench.images.entrySet()) {
            // the file the replay published, as the embedder stores it: eval uploads it for pixel-reading methods
            ObjectNode doc = Json.mapper().createObjectNode().put("id", image.getKey()).put("model", runtime.packId())
                    .put("collection", collection).put("image_uri", bench.layout.imageFile(i++).toUri().toString());
            doc.set("vector", Json.mapper().valueToTree(image.getValue()));
            if (replayRun != null) {
                doc.putObject("attributes").put(ReplayRun.ATTRIBUTE, replayRun);
            }
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(image.getKey())
                    .append("\"}}\n").append(doc).append('\n');
        }
        if (client.bulk(bulk.toString(), true).path("errors").asBoolean()) {
            throw new IllegalStateException("bulk indexing of the synthetic world failed");
        }
        return index;
    }
}
