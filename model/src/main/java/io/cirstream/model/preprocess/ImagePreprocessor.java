package io.cirstream.model.preprocess;

import io.cirstream.contract.pack.PackManifest.ChannelOrder;
import io.cirstream.contract.pack.PackManifest.Preprocessing;

import io.cirstream.imaging.RgbPixels;

import java.awt.image.BufferedImage;

/**
 * CLIP's image preprocessing as a pure function: resize the shortest side to {@code size} (bicubic, as
 * torchvision's {@code Resize(size)} on a PIL image), centre crop {@code size}×{@code size} (only the cropped
 * window is ever computed, see {@link #window}), scale to
 * [0, 1], normalise per channel with mean/std, and lay out as a float CHW array in the manifest's channel order.
 * Pixels are read as PIL's {@code convert("RGB")} reads them ({@link RgbPixels}).
 */
public final class ImagePreprocessor {

    private final Preprocessing spec;
    /** Per output channel, the normalised value of each 8-bit level: the same float expression, computed once. */
    private final float[][] normalised = new float[3][256];
    /** The window of the last image size seen: a gallery's images mostly share one size. */
    private volatile SizedWindow last;

    public ImagePreprocessor(Preprocessing spec) {
        this.spec = spec;
        for (int c = 0; c < 3; c++) {
            int sourceChannel = sourceChannel(c);
            float mean = spec.mean().get(sourceChannel);
            float std = spec.std().get(sourceChannel);
            for (int v = 0; v < 256; v++) {
                normalised[c][v] = (v / 255f - mean) / std;
            }
        }
    }

    /** Floats per image: 3 × size × size. */
    public int pixelsPerImage() {
        return 3 * spec.size() * spec.size();
    }

    /** Writes the preprocessed {@code image} into {@code out} starting at {@code offset}. */
    public void process(BufferedImage image, float[] out, int offset) {
        int size = spec.size();
        Window window = windowOf(image.getWidth(), image.getHeight());
        if (window.x().copiesOnly() && window.y().copiesOnly()) {
            copyNormalised(image, window, out, offset);
            return;
        }
        int[] resized = BicubicResampler.resize(rgb(image, window), 3, window.x(), window.y());
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            int sourceChannel = sourceChannel(c);
            float[] levels = normalised[c];
            for (int p = 0; p < plane; p++) {
                out[offset + c * plane + p] = levels[resized[p * 3 + sourceChannel]];
            }
        }
    }

    /**
     * A window that only copies source pixels (the image already at the model size on both axes, a gallery's usual
     * case) is read and normalised in one pass, straight from the packed pixels into the three planes: the same
     * values as unpacking, copying through the resampler and normalising in turn, without the intermediate arrays.
     */
    private void copyNormalised(BufferedImage image, Window window, float[] out, int offset) {
        int size = spec.size();
        int plane = size * size;
        int width = image.getWidth();
        int[] packed = RgbPixels.of(image);
        // Where output channel c's 8 bits sit in a 0xRRGGBB pixel.
        int shift0 = 16 - 8 * sourceChannel(0);
        int shift1 = 16 - 8 * sourceChannel(1);
        int shift2 = 16 - 8 * sourceChannel(2);
        float[] levels0 = normalised[0];
        float[] levels1 = normalised[1];
        float[] levels2 = normalised[2];
        BicubicResampler.Axis columns = window.x();
        for (int row = 0; row < size; row++) {
            int source = window.y().copiedSource(row) * width;
            int at = offset + row * size;
            for (int column = 0; column < size; column++) {
                int pixel = packed[source + columns.copiedSource(column)];
                out[at + column] = levels0[(pixel >>> shift0) & 0xFF];
                out[at + plane + column] = levels1[(pixel >>> shift1) & 0xFF];
                out[at + 2 * plane + column] = levels2[(pixel >>> shift2) & 0xFF];
            }
        }
    }

    private int sourceChannel(int outputChannel) {
        return spec.channels() == ChannelOrder.RGB ? outputChannel : 2 - outputChannel;
    }

    private Window windowOf(int w, int h) {
        SizedWindow known = last;
        if (known == null || known.w() != w || known.h() != h) {
            known = new SizedWindow(w, h, window(w, h, spec.size()));
            last = known;
        }
        return known.window();
    }

    private record SizedWindow(int w, int h, Window window) {
    }

    public float[] process(BufferedImage image) {
        float[] out = new float[pixelsPerImage()];
        process(image, out, 0);
        return out;
    }

    /**
     * The part of the resize that survives the centre crop, on each axis. Only this window is resampled, and only
     * the source pixels it reads are converted, so the work is bounded by the crop and the source span it covers
     * whatever the aspect ratio: a 1 × 100,000 image would otherwise be enlarged to 64 × 6.4 M before cropping.
     */
    static Window window(int w, int h, int size) {
        long outW = w <= h ? size : (long) size * w / h;
        long outH = h <= w ? size : (long) size * h / w;
        long left = cropOffset(outW, size);
        long top = cropOffset(outH, size);
        return new Window(BicubicResampler.Axis.of(w, outW, left, size), BicubicResampler.Axis.of(h, outH, top, size));
    }

    /**
     * torchvision's {@code CenterCrop} offset, {@code int(round((n - size) / 2.0))}: Python rounds a half to the even
     * neighbour, so an odd excess of 2k + 1 starts at k or k + 1, whichever is even. {@link Math#round} would always
     * take k + 1 and shift the crop by one pixel for half of those sizes (caught by {@code PillowGoldenTest}).
     */
    static long cropOffset(long resized, int size) {
        return (long) Math.rint((resized - size) / 2.0);
    }

    /** The crop window of a resize, as one {@link BicubicResampler.Axis} per direction. */
    record Window(BicubicResampler.Axis x, BicubicResampler.Axis y) {
    }

    /** The source pixels the window reads, as interleaved 8-bit R, G, B. */
    private static int[] rgb(BufferedImage image, Window window) {
        int w = image.getWidth();
        int x0 = window.x().sourceFirst();
        int y0 = window.y().sourceFirst();
        int spanW = window.x().sourceLength();
        int spanH = window.y().sourceLength();
        int[] packed = RgbPixels.of(image);
        int[] rgb = new int[spanW * spanH * 3];
        for (int y = 0; y < spanH; y++) {
            for (int x = 0; x < spanW; x++) {
                int pixel = packed[(y0 + y) * w + x0 + x];
                int i = (y * spanW + x) * 3;
                rgb[i] = (pixel >> 16) & 0xFF;
                rgb[i + 1] = (pixel >> 8) & 0xFF;
                rgb[i + 2] = pixel & 0xFF;
            }
        }
        return rgb;
    }
}
