package io.cirstream.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the plain PNGs a gallery is mostly made of (8- or 16-bit grey, grey + alpha, RGB or RGBA, not interlaced)
 * straight into {@code 0xRRGGBB} pixels, with the same result as ImageIO followed by {@link RgbPixels}: stored
 * samples as they are, grey replicated, alpha dropped, a 16-bit sample's high byte.
 * <p>
 * Why: in the embedder ImageIO spent more time around inflating than inflating (stream wrappers, a raster written
 * pixel by pixel, then a copy to RGB). Anything this class does not know for certain it leaves to ImageIO by
 * returning null: palettes, interlacing, other bit depths, a chunk it does not know, a bad CRC, a damaged or short
 * zlib stream. ImageIO then accepts or rejects the image exactly as it did before, so this path never changes which
 * images are refused or why, only how fast the accepted ones decode.
 */
final class PlainPngDecoder {
    private static final int SIGNATURE_BYTES = 8;
    /** Inflated in blocks of about this size (whole rows; at least one). */
    private static final int BLOCK_BYTES = 64 * 1024;
    private static final int IHDR = type("IHDR");
    private static final int IDAT = type("IDAT");
    private static final int IEND = type("IEND");
    /** Ancillary chunks that leave the stored samples as they are; ImageIO keeps them as metadata only. */
    private static final Set<Integer> METADATA_ONLY = Set.of(type("tEXt"), type("zTXt"), type("iTXt"), type("tIME"),
            type("pHYs"), type("gAMA"), type("cHRM"), type("sRGB"), type("sBIT"), type("bKGD"));

    private PlainPngDecoder() {
    }

    /**
     * The image, or null when ImageIO should decode it. Throws only what ImageIO's path would throw first: a canvas
     * over {@code limits}, checked before any pixel memory is allocated.
     */
    static BufferedImage decode(byte[] png, ImageLimits limits) throws ImageRejectedException {
        Layout layout = Layout.read(png);
        if (layout == null) {
            return null;
        }
        ImageInfo info = new ImageInfo(ImageFormat.PNG, layout.width, layout.height);
        limits.checkPixels(info);
        if (info.pixels() > Integer.MAX_VALUE) {
            return null;
        }
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return new Rows(png, layout).into(out) ? image : null;
    }

    private static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** The header's facts and where the compressed data lies (the IDAT chunks' data, in order). */
    private record Layout(int width, int height, int channels, int bytesPerSample, List<int[]> data) {

        int rowBytes() {
            return width * channels * bytesPerSample;
        }

        Layout withData(List<int[]> chunks) {
            return new Layout(width, height, channels, bytesPerSample, chunks);
        }

        /** Null unless every chunk is whole, its CRC right, and the image of a kind this class decodes. */
        static Layout read(byte[] png) {
            int at = SIGNATURE_BYTES;
            Layout header = null;
            List<int[]> data = new ArrayList<>();
            boolean dataEnded = false;
            CRC32 crc = new CRC32();
            while (at + 12 <= png.length) {
                int length = int32(png, at);
                int type = int32(png, at + 4);
                if (length < 0 || length > png.length - at - 12) {
                    return null;
                }
                crc.reset();
                crc.update(png, at + 4, length + 4);
                if ((int) crc.getValue() != int32(png, at + 8 + length)) {
                    return null;
                }
                int body = at + 8;
                at = body + length + 4;
                if (header == null) {
                    header = type == IHDR && length == 13 ? header(png, body) : null;
                    if (header == null) {
                        return null;
                    }
                } else if (type == IDAT) {
                    if (dataEnded) {
                        return null;
                    }
                    data.add(new int[] {body, length});
                } else if (type == IEND) {
                    return data.isEmpty() ? null : header.withData(data);
                } else if (METADATA_ONLY.contains(type)) {
                    dataEnded = !data.isEmpty();
                } else {
                    return null;
                }
            }
            return null;
        }

        private static Layout header(byte[] png, int at) {
            int width = int32(png, at);
            int height = int32(png, at + 4);
            int depth = png[at + 8];
            int colour = png[at + 9];
            boolean standard = png[at + 10] == 0 && png[at + 11] == 0 && png[at + 12] == 0;
            int channels = switch (colour) {
                case 0 -> 1;
                case 2 -> 3;
                case 4 -> 2;
                case 6 -> 4;
                default -> 0;
            };
            if (width <= 0 || height <= 0 || !standard || channels == 0 || (depth != 8 && depth != 16)
                    || (long) width * channels * (depth / 8) > Integer.MAX_VALUE - 1) {
                return null;
            }
            return new Layout(width, height, channels, depth / 8, List.of());
        }
    }

    /** Inflates the rows a block at a time and unfilters each into the output, keeping the row above. */
    private static final class Rows {
        private final byte[] png;
        private final Layout layout;
        private final int stride;
        private final Inflater inflater = new Inflater();
        private int nextData;

        Rows(byte[] png, Layout layout) {
            this.png = png;
            this.layout = layout;
            this.stride = layout.channels * layout.bytesPerSample;
        }

        /**
         * False when the zlib stream is damaged or short, or a row names an unknown filter. Rows are inflated a block
         * at a time, not one by one: zlib takes its fast path only with room for a long match in the output, so a
         * row of a small image at a time ran its slow loop.
         */
        boolean into(int[] out) {
            int rowLength = layout.rowBytes() + 1;
            int rowsPerBlock = Math.max(1, Math.min(layout.height, BLOCK_BYTES / rowLength));
            byte[] block = new byte[rowsPerBlock * rowLength];
            byte[] above = new byte[rowLength];
            try {
                for (int y = 0; y < layout.height; ) {
                    int rows = Math.min(rowsPerBlock, layout.height - y);
                    if (!fill(block, rows * rowLength)) {
                        return false;
                    }
                    for (int r = 0, at = 0; r < rows; r++, y++, at += rowLength) {
                        boolean unfiltered = r == 0 ? unfilter(block, at, rowLength, above, 0)
                                : unfilter(block, at, rowLength, block, at - rowLength);
                        if (!unfiltered) {
                            return false;
                        }
                        pack(block, at + 1, out, y * layout.width);
                    }
                    System.arraycopy(block, (rows - 1) * rowLength, above, 0, rowLength);
                }
                return endsHere();
            } catch (DataFormatException e) {
                return false;
            } finally {
                inflater.end();
            }
        }

        private boolean fill(byte[] buffer, int length) throws DataFormatException {
            int filled = 0;
            while (filled < length) {
                int n = inflater.inflate(buffer, filled, length - filled);
                filled += n;
                if (n == 0 && (inflater.finished() || !feed())) {
                    return false;
                }
            }
            return true;
        }

        /** Gives the inflater the next IDAT chunk's data; false when it wants something else or none is left. */
        private boolean feed() {
            if (inflater.needsDictionary() || !inflater.needsInput() || nextData == layout.data.size()) {
                return false;
            }
            int[] chunk = layout.data.get(nextData++);
            inflater.setInput(png, chunk[0], chunk[1]);
            return true;
        }

        /**
         * Whether the zlib stream ends right after the last row, its checksum right. ImageIO reads ahead to the end of
         * a small stream and refuses a wrong checksum; a stream with more after the rows is left to it too.
         */
        private boolean endsHere() throws DataFormatException {
            byte[] extra = new byte[1];
            while (!inflater.finished()) {
                if (inflater.inflate(extra) > 0) {
                    return false;
                }
                if (!inflater.finished() && !feed()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Undoes the filter of the row at {@code at} in place (its first byte names the filter; the samples follow),
         * against the row at {@code up} in {@code above}.
         */
        private boolean unfilter(byte[] row, int at, int length, byte[] above, int up) {
            int bpp = stride;
            int end = at + length;
            int first = at + 1 + bpp;
            switch (row[at]) {
                case 0 -> {
                }
                case 1 -> {
                    for (int i = first; i < end; i++) {
                        row[i] += row[i - bpp];
                    }
                }
                case 2 -> {
                    for (int i = at + 1, j = up + 1; i < end; i++, j++) {
                        row[i] += above[j];
                    }
                }
                case 3 -> {
                    for (int i = at + 1, j = up + 1; i < end; i++, j++) {
                        int left = i >= first ? row[i - bpp] & 0xFF : 0;
                        row[i] += (byte) ((left + (above[j] & 0xFF)) >>> 1);
                    }
                }
                case 4 -> {
                    for (int i = at + 1, j = up + 1; i < end; i++, j++) {
                        boolean leftmost = i < first;
                        row[i] += (byte) paeth(leftmost ? 0 : row[i - bpp] & 0xFF, above[j] & 0xFF,
                                leftmost ? 0 : above[j - bpp] & 0xFF);
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static int paeth(int left, int up, int upLeft) {
            int p = left + up - upLeft;
            int pa = Math.abs(p - left);
            int pb = Math.abs(p - up);
            int pc = Math.abs(p - upLeft);
            return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        }

        /**
         * The samples from {@code from} on to {@code 0xRRGGBB} from {@code at} on; the first byte of a sample is its
         * high byte at 16 bits too.
         */
        private void pack(byte[] row, int from, int[] out, int at) {
            int width = layout.width;
            int sample = layout.bytesPerSample;
            int g = layout.channels >= 3 ? sample : 0;
            int b = layout.channels >= 3 ? 2 * sample : 0;
            for (int x = 0, i = from; x < width; x++, i += stride) {
                out[at + x] = (row[i] & 0xFF) << 16 | (row[i + g] & 0xFF) << 8 | (row[i + b] & 0xFF);
            }
        }
    }
}
