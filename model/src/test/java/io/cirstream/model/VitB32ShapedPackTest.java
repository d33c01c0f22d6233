package io.cirstream.model;

import io.cirstream.contract.pack.PackManifest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** vit-b32-shaped (one layer per tower) through the real runtime: CLIP ViT-B/32 shapes in, 512-d unit vectors out. */
class VitB32ShapedPackTest {

    private static ModelRuntime runtime;

    @BeforeAll
    static void load() {
        runtime = ModelRuntime.load(TestPacks.vitB32OneLayer(), TestPacks.options());
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void hasClipShapes() {
        PackManifest manifest = runtime.manifest();
        assertThat(runtime.dimension()).isEqualTo(512);
        assertThat(manifest.image().preprocessing().size()).isEqualTo(224);
        assertThat(manifest.text().tokenizer().contextLength()).isEqualTo(77);
        assertThat(manifest.text().tokenizer().eosId()).isEqualTo(49_407);
        assertThat(runtime.pseudoTokens()).isEmpty();
        assertThat(runtime.combiner()).isEmpty();
    }

    @Test
    void imagesOfAnySizeBecomeDistinctUnitVectors() {
        List<BufferedImage> images = List.of(SyntheticPackTest.tiles(1).getFirst(), gradient(300, 200), gradient(180, 260));
        List<float[]> first = runtime.images().encode(images);
        List<float[]> again = runtime.images().encode(images);
        assertThat(first).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(first.get(i)).hasSize(512);
            assertThat(SyntheticPackTest.norm(first.get(i))).isCloseTo(1.0, within(1e-4));
            assertThat(first.get(i)).containsExactly(again.get(i), within(1e-5f));
        }
        assertThat(SyntheticPackTest.dot(first.get(1), first.get(2))).isLessThan(0.9999);
    }

    @Test
    void textsPoolAtTheEndToken() {
        List<float[]> out = runtime.texts().encode(List.of("a photo of a red tank", "a photo of a red tank on snow", "a photo of a red tank"));
        assertThat(out.get(0)).hasSize(512);
        assertThat(SyntheticPackTest.norm(out.get(1))).isCloseTo(1.0, within(1e-4));
        assertThat(out.get(2)).containsExactly(out.get(0), within(1e-5f));
        assertThat(SyntheticPackTest.dot(out.get(0), out.get(1))).isLessThan(0.9999);
    }

    private static BufferedImage gradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x + y) % 256));
            }
        }
        return image;
    }
}
