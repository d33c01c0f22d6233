package io.cirstream.tools.perf;

import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.model.ModelRuntime;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;
import io.cirstream.model.composition.Vec;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's large index. Encoding 100k images on a small CPU would take longer than the benchmark
 * itself, so {@code distinct} synthetic tiles are encoded by the real runtime and every document is one of
 * them plus a small random perturbation (re-normalised), bulk-written directly to OpenSearch: the vectors
 * live where the model puts them, in the same index layout (the embedder's versioned mapping) the API serves.
 */
final class PerfIndex {
    /** Vector values per bulk request (2,000 docs at 64-d): a 512-d bulk of 2,000 docs outlasts the client's timeout. */
    private static final int BATCH_VALUES = 128_000;
    private static final double NOISE = 0.35;

    private PerfIndex() {
    }

    /** Creates and fills the index behind {@code alias}; returns the concrete index name. */
    static String create(OpenSearchClient client, ModelRuntime runtime, String alias, int docs, int distinct, long seed) {
        // Refresh off while bulk loading (one refresh at the end); the alias is what the API reads.
        String index = GalleryIndexAdmin.ensure(client, alias, runtime.dimension(), runtime.space(), runtime.packId(),
                IndexSettings.defaults("-1"));
        List<float[]> bases = encodeTiles(runtime, distinct, seed);
        SplittableRandom random = new SplittableRandom(seed);
        int batch = Math.max(50, BATCH_VALUES / runtime.dimension());
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < docs; i++) {
            VectorEvent event = new VectorEvent(id(i), perturb(bases.get(i % distinct), random), runtime.packId(),
                    ImageMetadata.inCollection(i % 2 == 0 ? "alpha" : "beta").withSource("bench"), null, null, i);
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(event.id())
                    .append("\"}}\n").append(VectorEventCodec.document(event)).append('\n');
            if ((i + 1) % batch == 0 || i == docs - 1) {
                if (client.bulk(bulk.toString(), false).path("errors").asBoolean()) {
                    throw new IllegalStateException("bulk write of the benchmark index failed near doc " + i);
                }
                bulk.setLength(0);
            }
        }
        client.call("POST", "/" + index + "/_refresh", null);
        client.call("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
        return index;
    }

    static String id(int i) {
        return String.format("bench-%06d", i);
    }

    private static List<float[]> encodeTiles(ModelRuntime runtime, int distinct, long seed) {
        List<BufferedImage> tiles = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            tiles.add(TileRenderer.render(SyntheticWorld.tile(seed, i)));
        }
        return runtime.images().encode(tiles);
    }

    private static float[] perturb(float[] base, SplittableRandom random) {
        float[] noisy = new float[base.length];
        double scale = NOISE / Math.sqrt(base.length);
        for (int d = 0; d < base.length; d++) {
            noisy[d] = (float) (base[d] + scale * gaussian(random));
        }
        return Vec.normalize(noisy);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
