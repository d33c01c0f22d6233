package io.cirstream.embedder.stream;

import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** Gallery events with synthetic-world tiles and the generated synthetic pack, shared by the embedder tests. */
public final class GalleryFixtures {
    public static final long WORLD_SEED = 11;
    private static final Path PACKS = Path.of("target", "test-packs").toAbsolutePath();
    private static final GalleryEventCodec CODEC = new GalleryEventCodec();
    private static ModelRuntime runtime;

    private GalleryFixtures() {
    }

    public static Path syntheticPack() {
        return PackGenerator.generate(PackGenerator.SYNTHETIC, PACKS.resolve("synthetic"));
    }

    /** The synthetic pack, loaded once per test JVM and shared (its sessions are thread-safe). */
    public static synchronized ModelRuntime synthetic() {
        if (runtime == null) {
            runtime = ModelRuntime.load(syntheticPack(), RuntimeOptions.defaults().withThreads(1).withBatchSize(64));
        }
        return runtime;
    }

    public static BufferedImage tile(int index) {
        return TileRenderer.render(SyntheticWorld.tile(WORLD_SEED, index));
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String id(int index) {
        return "img-" + index;
    }

    public static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    public static GalleryEvent event(String id, byte[] imageBytes, long eventTime) {
        return GalleryEvent.upsert(id, ImageRef.inline(imageBytes, "image/png"), ImageMetadata.inCollection("test"),
                eventTime);
    }

    /** The encoded upsert of synthetic tile {@code index}, id {@code img-<index>}. */
    public static byte[] tileEvent(int index, long eventTime) {
        return CODEC.encode(event(id(index), png(tile(index)), eventTime));
    }

    public static byte[] encode(GalleryEvent event) {
        return CODEC.encode(event);
    }

    /**
     * An upsert whose image URI and event time are written into the JSON by hand: the event rules refuse hostile
     * values when an event is built, and a hostile producer does not build events.
     */
    public static byte[] rawUriEvent(String id, String uri, long eventTime) {
        String placeholder = "file:///placeholder-uri.png";
        GalleryEvent event = GalleryEvent.upsert(id, ImageRef.uri(java.net.URI.create(placeholder), "image/png"),
                ImageMetadata.inCollection("test"), 1);
        return withEventTime(new String(encode(event), StandardCharsets.UTF_8)
                .replace(placeholder, uri.replace("\\", "\\\\").replace("\"", "\\\"")), eventTime);
    }

    /** The encoded upsert of synthetic tile {@code index} with any event time, the rules' bounds notwithstanding. */
    public static byte[] rawTileEvent(int index, long eventTime) {
        return withEventTime(new String(tileEvent(index, 1), StandardCharsets.UTF_8), eventTime);
    }

    private static byte[] withEventTime(String json, long eventTime) {
        if (!json.contains("\"eventTime\":1")) {
            throw new IllegalStateException("the event JSON no longer has \"eventTime\":1 to replace: " + json);
        }
        return json.replace("\"eventTime\":1", "\"eventTime\":" + eventTime).getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG cut short: the header still probes fine, the pixels do not decode. */
    public static byte[] truncatedPng(int index) {
        byte[] png = png(tile(index));
        return Arrays.copyOf(png, png.length / 2);
    }
}
