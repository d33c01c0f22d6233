package io.cirstream.model.preprocess;

import io.cirstream.contract.pack.PackManifest.ChannelOrder;
import io.cirstream.contract.pack.PackManifest.Preprocessing;
import io.cirstream.imaging.RgbPixels;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preprocessor resamples only the window that survives the centre crop. These tests pin that this is the
 * same computation as resizing the whole image and cropping afterwards (bit for bit), and that an extreme aspect
 * ratio no longer makes the work grow with the enlarged side.
 */
class CropBeforeResizeTest {
    @Test
    void windowIsBitIdenticalToResizingEverythingThenCropping() {
        SplittableRandom random = new SplittableRandom(20240512);
        int cases = 0;
        for (int size : new int[] {7, 24, 32, 64}) {
            for (int i = 0; i < 30; i++) {
                int w = 1 + random.nextInt(random.nextBoolean() ? 40 : 300);
                int h = 1 + random.nextInt(random.nextBoolean() ? 40 : 300);
                BufferedImage image = noise(w, h, random);
                float[] windowed = preprocessor(size).process(image);
                assertThat(windowed).as("%dx%d at %d px", w, h, size).containsExactly(fullResizeThenCrop(image, size));
                cases++;
            }
        }
        System.out.println("CropBeforeResizeTest: " + cases + " seeded images, window == full resize + crop for all");
    }

    @Test
    void oneByHundredThousandReadsOnlyAFewSourceRows() {
        ImagePreprocessor.Window window = ImagePreprocessor.window(1, 100_000, 64);
        assertThat(window.x().length()).isEqualTo(64);
        assertThat(window.y().length()).isEqualTo(64);
        assertThat(window.x().sourceLength()).isEqualTo(1);
        // 64 output rows at 1/64 px each read the 1-2 source rows around the centre plus the kernel's support.
        assertThat(window.y().sourceLength()).isBetween(1, 8);
        assertThat(window.y().sourceFirst()).isBetween(49_990, 50_000);
    }

    @Test
    void oneByHundredThousandPreprocessesToTheCrop() {
        // Regression: the whole short side was enlarged first, a 64 × 6.4 M intermediate (about 5 GB).
        BufferedImage tall = verticalGradient(1, 100_000);
        float[] out = preprocessor(64).process(tall);
        assertThat(out).hasSize(3 * 64 * 64);
        // The crop sees the middle 1/100,000 of a gradient: every pixel is the centre value, ~127.5/255.
        for (float v : out) {
            assertThat(v * 255).isBetween(126f, 129f);
        }
    }

    @Test
    void oneByTwentyThousandAt224DoesNotOverflow() {
        // Regression: 224 × 4.48 M × 3 channels overflowed the int array size (NegativeArraySizeException).
        BufferedImage tall = verticalGradient(1, 20_000);
        float[] out = preprocessor(224).process(tall);
        assertThat(out).hasSize(3 * 224 * 224);
        ImagePreprocessor.Window window = ImagePreprocessor.window(1, 20_000, 224);
        assertThat((long) window.x().sourceLength() * window.y().sourceLength()).isLessThanOrEqualTo(8);
        ImagePreprocessor.Window wide = ImagePreprocessor.window(25_000_000, 1, 224);
        assertThat(wide.x().sourceLength()).isBetween(1, 8);
    }

    @Test
    void sourceSpanOfAnOrdinaryDownscaleIsBoundedByTheCrop() {
        // 4000 × 1000 at 64 px: only the centre 1000 × 1000 square (plus the kernel's support) is read.
        ImagePreprocessor.Window window = ImagePreprocessor.window(4000, 1000, 64);
        assertThat(window.y().sourceLength()).isEqualTo(1000);
        assertThat(window.x().sourceLength()).isBetween(1000, 1000 + 4 * 2 * 16);
    }

    private static ImagePreprocessor preprocessor(int size) {
        return new ImagePreprocessor(new Preprocessing(size, ChannelOrder.RGB, List.of(0f, 0f, 0f), List.of(1f, 1f, 1f)));
    }

    /** The preprocessing as it was before windows: enlarge the short side fully, then crop the centre. */
    private static float[] fullResizeThenCrop(BufferedImage image, int size) {
        int w = image.getWidth();
        int h = image.getHeight();
        int outW = w <= h ? size : (int) ((long) size * w / h);
        int outH = h <= w ? size : (int) ((long) size * h / w);
        int[] packed = RgbPixels.of(image);
        int[] rgb = new int[w * h * 3];
        for (int i = 0; i < packed.length; i++) {
            rgb[i * 3] = (packed[i] >> 16) & 0xFF;
            rgb[i * 3 + 1] = (packed[i] >> 8) & 0xFF;
            rgb[i * 3 + 2] = packed[i] & 0xFF;
        }
        int[] resized = BicubicResampler.resize(rgb, w, h, 3, outW, outH);
        int left = (int) ImagePreprocessor.cropOffset(outW, size);
        int top = (int) ImagePreprocessor.cropOffset(outH, size);
        float[] out = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int value = resized[((top + y) * outW + left + x) * 3 + c];
                    out[c * size * size + y * size + x] = value / 255f;
                }
            }
        }
        return out;
    }

    private static BufferedImage noise(int w, int h, SplittableRandom random) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static BufferedImage verticalGradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            int v = (int) (255L * y / (h - 1));
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }
}
