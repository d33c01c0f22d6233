package io.cirstream.model.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A side already at the target size is copied, and the copy is what the weighted sum gives: the source pixels. */
class SameSizeCopyTest {

    @Test
    void onlyAnAxisAtScaleOneCopies() {
        assertTrue(BicubicResampler.Axis.of(64, 64, 0, 64).copiesOnly());
        assertTrue(BicubicResampler.Axis.of(80, 80, 8, 64).copiesOnly(), "a crop window at scale 1");
        assertFalse(BicubicResampler.Axis.of(65, 64, 0, 64).copiesOnly());
        assertFalse(BicubicResampler.Axis.of(63, 64, 0, 64).copiesOnly());
        assertFalse(BicubicResampler.Axis.of(128, 64, 0, 64).copiesOnly());
    }

    @Test
    void resizingToTheSameSizeReturnsTheSourcePixels() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(40);
            int[] src = pixels(random, w * h * 3);
            assertArrayEquals(src, BicubicResampler.resize(src, w, h, 3, w, h), w + "x" + h);
        }
    }

    @Test
    void aSquareSideAtTheModelSizeIsCroppedExactly() {
        Random random = new Random(12);
        int size = 16;
        int h = 27;
        int[] src = pixels(random, size * h * 3);
        ImagePreprocessor.Window window = ImagePreprocessor.window(size, h, size);
        assertTrue(window.x().copiesOnly() && window.y().copiesOnly());
        int top = (int) ImagePreprocessor.cropOffset(h, size);
        int[] span = new int[size * window.y().sourceLength() * 3];
        System.arraycopy(src, window.y().sourceFirst() * size * 3, span, 0, span.length);
        int[] expected = new int[size * size * 3];
        System.arraycopy(src, top * size * 3, expected, 0, expected.length);
        assertArrayEquals(expected, BicubicResampler.resize(span, 3, window.x(), window.y()));
    }

    private static int[] pixels(Random random, int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            // The extremes are where a rounding slip would show.
            values[i] = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 255;
                default -> random.nextInt(256);
            };
        }
        return values;
    }
}
