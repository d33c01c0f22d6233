package io.cirstream.imaging;

import java.awt.image.BufferedImage;

/**
 * Reads the EXIF Orientation tag (0x0112) from a JPEG's APP1 segment and applies it. Cameras store the
 * sensor's pixel order and record the rotation here; without it portrait photos embed sideways.
 * Parsing is defensive: anything unreadable counts as orientation 1 (as stored).
 */
final class ExifOrientation {
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation, 1..8, or 1 when the JPEG carries none. */
    static int read(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && u8(jpeg, i) == 0xFF) {
            int marker = u8(jpeg, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16(jpeg, i + 2, false);
            int end = Math.min(jpeg.length, i + 2 + length);
            if (marker == 0xE1 && isExif(jpeg, i + 4)) {
                return fromTiff(jpeg, i + 10, end);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static boolean isExif(byte[] b, int at) {
        return at + 6 <= b.length && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f'
                && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int fromTiff(byte[] b, int base, int end) {
        if (base + 8 > end) {
            return 1;
        }
        boolean little = b[base] == 'I' && b[base + 1] == 'I';
        long ifd = base + u32(b, base + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, (int) ifd, little);
        for (int k = 0; k < entries; k++) {
            int entry = (int) ifd + 2 + 12 * k;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** Returns the upright image for the given orientation (see the EXIF 2.3 table for 1..8). */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        int outWidth = swaps ? h : w;
        int[] source = image.getRGB(0, 0, w, h, null, 0, w);
        int[] target = new int[source.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int to = switch (orientation) {
                    case 2 -> y * outWidth + (w - 1 - x);
                    case 3 -> (h - 1 - y) * outWidth + (w - 1 - x);
                    case 4 -> (h - 1 - y) * outWidth + x;
                    case 5 -> x * outWidth + y;
                    case 6 -> x * outWidth + (h - 1 - y);
                    case 7 -> (w - 1 - x) * outWidth + (h - 1 - y);
                    default -> (w - 1 - x) * outWidth + y;
                };
                target[to] = source[y * w + x];
            }
        }
        BufferedImage out = new BufferedImage(outWidth, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, outWidth, swaps ? w : h, target, 0, outWidth);
        return out;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at, boolean little) {
        if (at < 0 || at + 2 > b.length) {
            return -1;
        }
        return little ? u8(b, at) | u8(b, at + 1) << 8 : u8(b, at) << 8 | u8(b, at + 1);
    }

    private static long u32(byte[] b, int at, boolean little) {
        if (at + 4 > b.length) {
            return Integer.MAX_VALUE;
        }
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return hi << 16 | lo;
    }
}
