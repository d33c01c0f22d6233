package io.cirstream.eval.live;

import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.tools.world.CirrLayout;
import io.cirstream.tools.world.TileFileFormat;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic world encoded directly with the model runtime: the vectors an independent check of the live
 * numbers starts from.
 */
public final class SyntheticBench {
    final long seed;
    final CirrLayout layout;
    final List<SyntheticQuery> queries;
    /** Image vectors by image id, in world order. */
    final Map<String, float[]> images = new LinkedHashMap<>();
    /** Caption vectors by caption. */
    final Map<String, float[]> captions = new LinkedHashMap<>();

    private SyntheticBench(long seed, CirrLayout layout, List<SyntheticQuery> queries) {
        this.seed = seed;
        this.layout = layout;
        this.queries = queries;
    }

    public static Path syntheticPack(Path dir) {
        return pack(dir, PackGenerator.SYNTHETIC);
    }

    public static Path pack(Path dir, String kind) {
        return PackGenerator.generate(kind, dir.resolve("models").resolve(kind));
    }

    public static ModelRuntime runtime(Path pack) {
        return ModelRuntime.load(pack, RuntimeOptions.defaults().withBatchSize(32));
    }

    /** Encodes the world {@code SyntheticWorld.generate(seed, images, queries, worldDir)} already wrote. */
    public static SyntheticBench encode(ModelRuntime runtime, long seed, int imageCount, int queryCount, Path worldDir) {
        CirrLayout layout = new CirrLayout(worldDir, SyntheticWorld.DEFAULT_SPLIT,
                TileFileFormat.PNG);
        SyntheticBench bench = new SyntheticBench(seed, layout, SyntheticWorld.queries(seed, imageCount, queryCount));
        List<BufferedImage> pixels = new ArrayList<>(imageCount);
        for (int i = 0; i < imageCount; i++) {
            try {
                pixels.add(ImageIO.read(layout.imageFile(i).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<float[]> vectors = runtime.images().encode(pixels);
        for (int i = 0; i < imageCount; i++) {
            bench.images.put(layout.imageName(i), vectors.get(i));
        }
        List<String> texts = bench.queries.stream().map(SyntheticQuery::caption).distinct().toList();
        List<float[]> encoded = runtime.texts().encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            bench.captions.put(texts.get(i), encoded.get(i));
        }
        return bench;
    }

    String imageId(int index) {
        return layout.imageName(index);
    }
}
