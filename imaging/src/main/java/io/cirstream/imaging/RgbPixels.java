package io.cirstream.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Converts a decoded image to packed {@code 0xRRGGBB} pixels the way PIL's {@code convert("RGB")} does, which is
 * what CLIP-family preprocessing was trained with: stored component values are taken as they are, grey is
 * replicated into R, G and B, and alpha is dropped.
 * <p>
 * {@link BufferedImage#getRGB} is not used for the common layouts: it converts through the colour model pixel by
 * pixel, which is slow, and it maps ImageIO's linear grey colour space to sRGB, so a grey PNG value of 128 would
 * become 188 where PIL keeps 128. Only layouts read directly here skip it (8- and 16-bit grey and RGB, with or without
 * alpha, and Java2D's int layouts); palettes and other colour models still go through {@code getRGB}.
 * <p>
 * 16-bit samples keep their high byte. For 16-bit RGB that is exactly Pillow; for 16-bit grey Pillow (9.4, Debian 12)
 * clips the value at 255 instead, turning a 16-bit grey photo white, a Pillow quirk deliberately not copied (see
 * docs/model-packs.md, "Golden checks").
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

    /**
     * 8- or 16-bit grey, grey + alpha, RGB or RGBA, as PNG and JPEG decode to. A 16-bit sample keeps its high byte,
     * which is what Pillow reads from a 16-bit RGB PNG; {@code getRGB} would scale it instead (off by one level) and
     * send 16-bit grey through the linear grey colour space.
     */
    private static boolean copyInterleavedBytes(BufferedImage image, int[] out) {
        Interleaved layout = Interleaved.of(image);
        if (layout == null) {
            return false;
        }
        int width = image.getWidth();
        DataBuffer buffer = image.getRaster().getDataBuffer();
        if (buffer instanceof DataBufferByte bytes) {
            byte[] data = bytes.getData();
            for (int y = 0; y < image.getHeight(); y++) {
                int at = layout.base + y * layout.rowStride;
                int row = y * width;
                for (int x = 0; x < width; x++, at += layout.pixelStride) {
                    out[row + x] = (data[at + layout.r] & 0xFF) << 16 | (data[at + layout.g] & 0xFF) << 8
                            | (data[at + layout.b] & 0xFF);
                }
            }
        } else {
            short[] data = ((DataBufferUShort) buffer).getData();
            for (int y = 0; y < image.getHeight(); y++) {
                int at = layout.base + y * layout.rowStride;
                int row = y * width;
                for (int x = 0; x < width; x++, at += layout.pixelStride) {
                    out[row + x] = (data[at + layout.r] & 0xFF00) << 8 | (data[at + layout.g] & 0xFF00)
                            | (data[at + layout.b] & 0xFF00) >> 8;
                }
            }
        }
        return true;
    }

    /** Where R, G and B (all three the grey sample for grey) sit in an interleaved single-bank raster. */
    private record Interleaved(int base, int pixelStride, int rowStride, int r, int g, int b) {

        /** The layout of an 8-bit byte or 16-bit ushort grey/RGB image (alpha allowed), else null. */
        static Interleaved of(BufferedImage image) {
            Raster raster = image.getRaster();
            DataBuffer buffer = raster.getDataBuffer();
            int bits = buffer instanceof DataBufferByte ? 8 : buffer instanceof DataBufferUShort ? 16 : 0;
            if (bits == 0 || !(image.getColorModel() instanceof ComponentColorModel model)
                    || !(raster.getSampleModel() instanceof ComponentSampleModel layout)
                    || buffer.getNumBanks() != 1 || translated(raster)
                    || model.getComponentSize().length != raster.getNumBands()) {
                return null;
            }
            for (int size : model.getComponentSize()) {
                if (size != bits) {
                    return null;
                }
            }
            int colourBands = model.getColorSpace().getNumComponents();
            boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && colourBands == 1;
            boolean rgb = model.getColorSpace().getType() == ColorSpace.TYPE_RGB && colourBands == 3;
            if (!grey && !rgb) {
                return null;
            }
            int[] offsets = layout.getBandOffsets();
            return new Interleaved(buffer.getOffset(), layout.getPixelStride(), layout.getScanlineStride(),
                    offsets[0], grey ? offsets[0] : offsets[1], grey ? offsets[0] : offsets[2]);
        }
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
