package io.cirstream.imaging;

/**
 * Upper bounds an image must respect before it is decoded. The pixel bound is what protects memory: a
 * small file can declare an enormous canvas (a decompression bomb), and decoding allocates 4 bytes per pixel.
 */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** 16 MiB of file, 25 megapixels (~100 MiB once decoded to RGB ints). */
    public static final ImageLimits DEFAULT = new ImageLimits(16L * 1024 * 1024, 25_000_000L);

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("image limits must be positive, got maxBytes=" + maxBytes
                    + ", maxPixels=" + maxPixels);
        }
    }

    public void checkBytes(long size) throws ImageRejectedException {
        if (size > maxBytes) {
            throw new ImageRejectedException(ImageRejectedException.Reason.TOO_MANY_BYTES,
                    "image is " + size + " bytes, the limit is " + maxBytes);
        }
    }

    public void checkPixels(ImageInfo info) throws ImageRejectedException {
        if (info.pixels() > maxPixels) {
            throw new ImageRejectedException(ImageRejectedException.Reason.TOO_MANY_PIXELS,
                    info.format() + " declares " + info.width() + "x" + info.height() + " = " + info.pixels()
                            + " pixels, the limit is " + maxPixels);
        }
    }
}
