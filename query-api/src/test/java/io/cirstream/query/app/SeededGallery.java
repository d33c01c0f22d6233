package io.cirstream.query.app;

import io.cirstream.opensearch.GalleryIndexAdmin;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.model.ModelRuntime;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.contract.event.GeoPoint;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.tools.world.CirrLayout;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileSpec;
import io.cirstream.query.search.StoredVector;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small synthetic world written to a fresh index created the way the embedder creates it
 * ({@link GalleryIndex#ensure}, behind an alias), as the embedder's documents ({@link VectorEventCodec}) with
 * vectors computed by the real runtime. Metadata is derived from each tile so filters have something to
 * select: collection alternates alpha/beta, category is the land cover, tags are object kind and colour,
 * capture times are one day apart from 2024-01-01, and positions step 0.1° east along 10°N.
 */
final class SeededGallery {
    static final long SEED = 7L;
    static final Instant FIRST_CAPTURE = Instant.parse("2024-01-01T00:00:00Z");

    /** @param document the index document without its vector */
    record Image(String id, float[] vector, ObjectNode document, Path file, VectorEvent event) {
    }

    final String alias;
    final String index;
    final CirrLayout layout;
    final Map<String, Image> images = new LinkedHashMap<>();

    private SeededGallery(String alias, String index, CirrLayout layout) {
        this.alias = alias;
        this.index = index;
        this.layout = layout;
    }

    static SeededGallery create(OpenSearchClient client, ModelRuntime runtime, String alias, int count, Path dir)
            throws IOException {
        CirrLayout layout = SyntheticWorld.generate(SEED, count, 0, dir);
        String index = GalleryIndexAdmin.ensure(client, alias, runtime.dimension(), runtime.space(), runtime.packId(),
                IndexSettings.defaults("1s"));
        SeededGallery gallery = new SeededGallery(alias, index, layout);
        List<BufferedImage> pixels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pixels.add(ImageIO.read(gallery.layout.imageFile(i).toFile()));
        }
        List<float[]> vectors = runtime.images().encode(pixels);
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Image image = gallery.image(i, vectors.get(i), runtime.packId());
            gallery.images.put(image.id(), image);
            bulk.append("{\"index\":{\"_index\":\"").append(gallery.index).append("\",\"_id\":\"").append(image.id())
                    .append("\"}}\n").append(VectorEventCodec.document(image.event())).append('\n');
        }
        if (client.bulk(bulk.toString(), true).path("errors").asBoolean()) {
            throw new IllegalStateException("bulk indexing of the seeded gallery failed");
        }
        return gallery;
    }

    private Image image(int i, float[] vector, String model) {
        TileSpec tile = SyntheticWorld.tile(SEED, i);
        Path file = layout.imageFile(i).toAbsolutePath();
        ImageMetadata metadata = new ImageMetadata(i % 2 == 0 ? "alpha" : "beta",
                tile.land().name().toLowerCase(Locale.ROOT), FIRST_CAPTURE.plusSeconds(86_400L * i),
                new GeoPoint(10.0, i * 0.1), null, "synthetic",
                List.of(tile.kind().name().toLowerCase(Locale.ROOT), tile.colour().name().toLowerCase(Locale.ROOT)), null);
        VectorEvent event = new VectorEvent(layout.imageName(i), vector, model, metadata, file.toUri().toString(),
                "image/png", 1_700_000_000_000L + i);
        ObjectNode document = VectorEventCodec.document(event);
        StoredVector.take(document);
        return new Image(event.id(), vector, document, file, event);
    }

    Image byIndex(int i) {
        return images.get(layout.imageName(i));
    }

    void delete(OpenSearchClient client) {
        client.send("DELETE", "/" + index, null);
    }
}
