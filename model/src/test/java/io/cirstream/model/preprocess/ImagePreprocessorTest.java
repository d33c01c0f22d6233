package io.cirstream.model.preprocess;

import io.cirstream.contract.pack.PackManifest.ChannelOrder;
import io.cirstream.contract.pack.PackManifest.Preprocessing;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImagePreprocessorTest {

    private static final List<Float> MEAN = List.of(0.48145466f, 0.4578275f, 0.40821073f);
    private static final List<Float> STD = List.of(0.26862954f, 0.26130258f, 0.27577711f);

    @Test
    void uniformImageNormalisesEveryPixelExactly() {
        int size = 24;
        float[] out = preprocessor(size, ChannelOrder.RGB).process(filled(100, 37, 200, 100, 30));
        assertThat(out).hasSize(3 * size * size);
        int[] rgb = {200, 100, 30};
        for (int c = 0; c < 3; c++) {
            float expected = (rgb[c] / 255f - MEAN.get(c)) / STD.get(c);
            for (int p = 0; p < size * size; p++) {
                assertThat(out[c * size * size + p]).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyLevelOfEveryChannelNormalisesExactlyInEitherChannelOrder() {
        // 16x16 pixels carry each 8-bit level once per channel, so the whole level table is checked.
        BufferedImage levels = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int v = 0; v < 256; v++) {
            levels.setRGB(v % 16, v / 16, v << 16 | (255 - v) << 8 | (v * 7) % 256);
        }
        for (ChannelOrder order : ChannelOrder.values()) {
            float[] out = preprocessor(16, order).process(levels);
            for (int v = 0; v < 256; v++) {
                int[] rgb = {v, 255 - v, (v * 7) % 256};
                for (int c = 0; c < 3; c++) {
                    int source = order == ChannelOrder.RGB ? c : 2 - c;
                    float expected = (rgb[source] / 255f - MEAN.get(source)) / STD.get(source);
                    assertThat(out[c * 256 + v]).as("%s channel %d level %d", order, c, rgb[source]).isEqualTo(expected);
                }
            }
        }
    }

    /** An image at the model size on its short side is not resampled: what reaches the model is its centre crop. */
    @Test
    void anImageAtTheModelSizeIsItsCentreCropNormalisedInEitherChannelOrder() {
        Random random = new Random(5);
        int size = 16;
        for (int[] dims : new int[][] {{16, 16}, {16, 27}, {27, 16}, {16, 17}}) {
            BufferedImage image = new BufferedImage(dims[0], dims[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < dims[1]; y++) {
                for (int x = 0; x < dims[0]; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            int left = (int) ImagePreprocessor.cropOffset(dims[0], size);
            int top = (int) ImagePreprocessor.cropOffset(dims[1], size);
            for (ChannelOrder order : ChannelOrder.values()) {
                float[] out = preprocessor(size, order).process(image);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        int pixel = image.getRGB(left + x, top + y);
                        int[] rgb = {pixel >> 16 & 0xFF, pixel >> 8 & 0xFF, pixel & 0xFF};
                        for (int c = 0; c < 3; c++) {
                            int source = order == ChannelOrder.RGB ? c : 2 - c;
                            float expected = (rgb[source] / 255f - MEAN.get(source)) / STD.get(source);
                            assertThat(out[c * size * size + y * size + x])
                                    .as("%dx%d %s channel %d at %d,%d", dims[0], dims[1], order, c, x, y)
                                    .isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void imagesOfChangingSizesThroughOnePreprocessorGiveWhatFreshOnesGive() {
        ImagePreprocessor shared = preprocessor(32, ChannelOrder.RGB);
        BufferedImage[] images = {bands(192, 64, true), bands(64, 192, false), bands(32, 32, true), bands(192, 64, true)};
        for (BufferedImage image : images) {
            assertThat(shared.process(image)).containsExactly(preprocessor(32, ChannelOrder.RGB).process(image));
        }
    }

    @Test
    void resizesTheShortestSideThenCropsTheCentre() {
        // Three vertical bands; after resizing the height to 32 the centre crop sees only the middle one.
        BufferedImage wide = bands(192, 64, true);
        float[] out = preprocessor(32, ChannelOrder.RGB).process(wide);
        assertThat(pixel(out, 32, 0, 16, 16)).isCloseTo(red(0), within(1e-6f));
        assertThat(pixel(out, 32, 1, 16, 16)).isCloseTo(green(255), within(1e-6f));
        BufferedImage tall = bands(64, 192, false);
        float[] outTall = preprocessor(32, ChannelOrder.RGB).process(tall);
        assertThat(pixel(outTall, 32, 1, 16, 16)).isCloseTo(green(255), within(1e-6f));
        assertThat(pixel(outTall, 32, 2, 16, 16)).isCloseTo((0 - MEAN.get(2)) / STD.get(2), within(1e-6f));
    }

    @Test
    void bgrSwapsTheChannelPlanes() {
        BufferedImage image = filled(8, 8, 255, 0, 0);
        float[] rgb = preprocessor(8, ChannelOrder.RGB).process(image);
        float[] bgr = preprocessor(8, ChannelOrder.BGR).process(image);
        assertThat(bgr[2 * 64]).isEqualTo(rgb[0]);
        assertThat(bgr[0]).isEqualTo(rgb[2 * 64]);
    }

    @Test
    void downscalingAntialiasesLikePillow() {
        // A one-pixel checkerboard halved must average to grey; point-sampled bicubic would keep the pattern.
        BufferedImage board = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                board.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
            }
        }
        Preprocessing identity = new Preprocessing(32, ChannelOrder.RGB, List.of(0f, 0f, 0f), List.of(1f, 1f, 1f));
        float[] out = new ImagePreprocessor(identity).process(board);
        for (int y = 4; y < 28; y++) {
            for (int x = 4; x < 28; x++) {
                assertThat(pixel(out, 32, 0, x, y)).isCloseTo(0.5f, within(2.5f / 255));
            }
        }
    }

    @Test
    void keysCubicKernelWithAMinusOneHalf() {
        assertThat(BicubicResampler.cubic(0)).isEqualTo(1.0);
        assertThat(BicubicResampler.cubic(0.5)).isEqualTo(0.5625);
        assertThat(BicubicResampler.cubic(1)).isEqualTo(0.0);
        assertThat(BicubicResampler.cubic(-1.5)).isEqualTo(-0.0625);
        assertThat(BicubicResampler.cubic(2)).isEqualTo(0.0);
    }

    @Test
    void sameSizeIsLeftUntouched() {
        int[] src = {10, 20, 30, 40, 50, 60};
        assertThat(BicubicResampler.resize(src, 2, 1, 3, 2, 1)).containsExactly(src);
    }

    private static ImagePreprocessor preprocessor(int size, ChannelOrder order) {
        return new ImagePreprocessor(new Preprocessing(size, order, MEAN, STD));
    }

    private static float red(int v) {
        return (v / 255f - MEAN.get(0)) / STD.get(0);
    }

    private static float green(int v) {
        return (v / 255f - MEAN.get(1)) / STD.get(1);
    }

    private static float pixel(float[] chw, int size, int channel, int x, int y) {
        return chw[channel * size * size + y * size + x];
    }

    private static BufferedImage filled(int w, int h, int r, int g, int b) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** Red, green, blue thirds along the long side. */
    private static BufferedImage bands(int w, int h, boolean vertical) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int band = vertical ? x * 3 / w : y * 3 / h;
                image.setRGB(x, y, colours[band]);
            }
        }
        return image;
    }
}
