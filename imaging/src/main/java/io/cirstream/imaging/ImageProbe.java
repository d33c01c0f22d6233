package io.cirstream.imaging;

/**
 * Identifies an image by content (magic bytes, then the format reader's header parse) and reports its
 * declared size without decoding pixels, so oversized and bomb-like images are refused cheaply.
 */
public final class ImageProbe {

    private ImageProbe() {
    }

    public static ImageInfo probe(byte[] bytes) throws ImageRejectedException {
        ImageFormat format = ImageReaders.sniff(bytes);
        return ImageReaders.withReader(bytes, format, reader -> ImageReaders.header(format, reader));
    }

    /** Probes and enforces both limits; the byte limit is checked before anything is parsed. */
    public static ImageInfo probe(byte[] bytes, ImageLimits limits) throws ImageRejectedException {
        limits.checkBytes(bytes.length);
        ImageInfo info = probe(bytes);
        limits.checkPixels(info);
        return info;
    }
}
