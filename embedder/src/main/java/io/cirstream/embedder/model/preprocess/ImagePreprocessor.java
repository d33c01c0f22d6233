package io.cirstream.embedder.model.preprocess;

import io.cirstream.embedder.model.ModelManifest.ChannelOrder;
import io.cirstream.embedder.model.ModelManifest.Preprocessing;

import io.cirstream.ingest.image.RgbPixels;

import java.awt.image.BufferedImage;

/**
 * CLIP's image preprocessing as a pure function: resize the shortest side to {@code size} (bicubic, as
 * torchvision's {@code Resize(size)} on a PIL image), centre crop {@code size}×{@code size}, scale to
 * [0, 1], normalise per channel with mean/std, and lay out as a float CHW array in the manifest's channel order.
 * Pixels are read as PIL's {@code convert("RGB")} reads them ({@link RgbPixels}).
 */
public final class ImagePreprocessor {

    private final Preprocessing spec;

    public ImagePreprocessor(Preprocessing spec) {
        this.spec = spec;
    }

    /** Floats per image: 3 × size × size. */
    public int pixelsPerImage() {
        return 3 * spec.size() * spec.size();
    }

    /** Writes the preprocessed {@code image} into {@code out} starting at {@code offset}. */
    public void process(BufferedImage image, float[] out, int offset) {
        int w = image.getWidth();
        int h = image.getHeight();
        int size = spec.size();
        int outW = w <= h ? size : (int) ((long) size * w / h);
        int outH = h <= w ? size : (int) ((long) size * h / w);
        int[] resized = BicubicResampler.resize(rgb(image), w, h, 3, outW, outH);
        int left = (int) Math.round((outW - size) / 2.0);
        int top = (int) Math.round((outH - size) / 2.0);
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            int sourceChannel = spec.channels() == ChannelOrder.RGB ? c : 2 - c;
            float mean = spec.mean().get(sourceChannel);
            float std = spec.std().get(sourceChannel);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int value = resized[((top + y) * outW + left + x) * 3 + sourceChannel];
                    out[offset + c * plane + y * size + x] = (value / 255f - mean) / std;
                }
            }
        }
    }

    public float[] process(BufferedImage image) {
        float[] out = new float[pixelsPerImage()];
        process(image, out, 0);
        return out;
    }

    private static int[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] packed = RgbPixels.of(image);
        int[] rgb = new int[w * h * 3];
        for (int i = 0; i < packed.length; i++) {
            rgb[i * 3] = (packed[i] >> 16) & 0xFF;
            rgb[i * 3 + 1] = (packed[i] >> 8) & 0xFF;
            rgb[i * 3 + 2] = packed[i] & 0xFF;
        }
        return rgb;
    }
}
