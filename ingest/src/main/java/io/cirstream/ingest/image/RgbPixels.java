package io.cirstream.ingest.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Converts a decoded image to packed {@code 0xRRGGBB} pixels the way PIL's {@code convert("RGB")} does, which is
 * what CLIP-family preprocessing was trained with: stored component values are taken as they are, grey is
 * replicated into R, G and B, and alpha is dropped.
 * <p>
 * {@link BufferedImage#getRGB} is not used for the common layouts: it converts through the colour model pixel by
 * pixel, which is slow, and it maps ImageIO's linear grey colour space to sRGB, so a grey PNG value of 128 would
 * become 188 where PIL keeps 128. Only layouts read directly here skip it; palettes, 16-bit and other colour models
 * still go through {@code getRGB}.
 */
public final class RgbPixels {

    private RgbPixels() {
    }

    /** {@code image}'s pixels, row by row. */
    public static int[] of(BufferedImage image) {
        int[] out = new int[image.getWidth() * image.getHeight()];
        copy(image, out);
        return out;
    }

    /** Writes {@code image}'s pixels, row by row, into {@code out} (length width × height). */
    public static void copy(BufferedImage image, int[] out) {
        if (!copyInterleavedBytes(image, out) && !copyPackedInts(image, out)) {
            int width = image.getWidth();
            for (int y = 0; y < image.getHeight(); y++) {
                image.getRGB(0, y, width, 1, out, y * width, width);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xFFFFFF;
            }
        }
    }

    /** 8-bit grey, grey + alpha, RGB or RGBA in bytes, as PNG and JPEG decode to. */
    private static boolean copyInterleavedBytes(BufferedImage image, int[] out) {
        Raster raster = image.getRaster();
        if (!(image.getColorModel() instanceof ComponentColorModel model)
                || !(raster.getSampleModel() instanceof ComponentSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || buffer.getNumBanks() != 1 || translated(raster)
                || model.getComponentSize().length != raster.getNumBands()) {
            return false;
        }
        for (int size : model.getComponentSize()) {
            if (size != 8) {
                return false;
            }
        }
        int colourBands = model.getColorSpace().getNumComponents();
        boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && colourBands == 1;
        boolean rgb = model.getColorSpace().getType() == ColorSpace.TYPE_RGB && colourBands == 3;
        if (!grey && !rgb) {
            return false;
        }
        byte[] data = buffer.getData();
        int[] offsets = layout.getBandOffsets();
        int base = buffer.getOffset();
        int pixelStride = layout.getPixelStride();
        int rowStride = layout.getScanlineStride();
        int width = image.getWidth();
        int r = offsets[0];
        int g = grey ? r : offsets[1];
        int b = grey ? r : offsets[2];
        for (int y = 0; y < image.getHeight(); y++) {
            int at = base + y * rowStride;
            int row = y * width;
            for (int x = 0; x < width; x++, at += pixelStride) {
                out[row + x] = (data[at + r] & 0xFF) << 16 | (data[at + g] & 0xFF) << 8 | (data[at + b] & 0xFF);
            }
        }
        return true;
    }

    /** {@code TYPE_INT_RGB} and non-premultiplied {@code TYPE_INT_ARGB}, as Java2D draws. */
    private static boolean copyPackedInts(BufferedImage image, int[] out) {
        int type = image.getType();
        Raster raster = image.getRaster();
        if ((type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB)
                || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferInt buffer) || translated(raster)) {
            return false;
        }
        int[] data = buffer.getData();
        int base = buffer.getOffset();
        int rowStride = layout.getScanlineStride();
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            int at = base + y * rowStride;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = data[at + x] & 0xFFFFFF;
            }
        }
        return true;
    }

    /** A sub-image shares its parent's buffer at a translated origin; those take the general path. */
    private static boolean translated(Raster raster) {
        return raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0;
    }
}
