package io.cirstream.tools.perf;

import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the pipeline perf runs publish: synthetic tiles as inline-PNG gallery upserts in collection "bench". */
final class GalleryRecords {
    static final long WORLD_SEED = 3;
    private static final GalleryEventCodec CODEC = new GalleryEventCodec();

    private GalleryRecords() {
    }

    /** The first {@code count} tiles of the seeded synthetic world, rendered. */
    static List<BufferedImage> tiles(int count) {
        List<BufferedImage> tiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tiles.add(tile(i));
        }
        return tiles;
    }

    /** Tile {@code index} of the seeded synthetic world, rendered. */
    static BufferedImage tile(int index) {
        return TileRenderer.render(SyntheticWorld.tile(WORLD_SEED, index));
    }

    static ProducerRecord<String, byte[]> upsert(String topic, String id, byte[] png) {
        GalleryEvent event = GalleryEvent.upsert(id, ImageRef.inline(png, "image/png"),
                ImageMetadata.inCollection("bench"), System.currentTimeMillis());
        return new ProducerRecord<>(topic, id, CODEC.encode(event));
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }
}
