package io.cirstream.imaging;

import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes image bytes into an upright {@link BufferedImage#TYPE_INT_RGB} image, enforcing {@link ImageLimits}
 * from the header before pixel memory is allocated. JPEG EXIF orientation is applied; for multi-frame formats
 * the first frame is used.
 */
public final class ImageDecoder {

    private ImageDecoder() {
    }

    public static BufferedImage decode(byte[] bytes, ImageLimits limits) throws ImageRejectedException {
        limits.checkBytes(bytes.length);
        ImageFormat format = ImageReaders.sniff(bytes);
        if (format == ImageFormat.PNG) {
            BufferedImage plain = PlainPngDecoder.decode(bytes, limits);
            if (plain != null) {
                return plain;
            }
        }
        BufferedImage decoded = ImageReaders.withReader(bytes, format, reader -> {
            limits.checkPixels(ImageReaders.header(format, reader));
            return readFirstFrame(format, reader);
        });
        BufferedImage rgb = toRgb(decoded);
        return format == ImageFormat.JPEG ? ExifOrientation.apply(rgb, ExifOrientation.read(bytes)) : rgb;
    }

    private static BufferedImage readFirstFrame(ImageFormat format, ImageReader reader)
            throws IOException, ImageRejectedException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        // Truncated JPEGs decode "successfully" with a warning and a grey lower half; that is not an image
        // we want to embed.
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("premature") || lower.contains("truncat")) {
                throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT,
                        format + " data is truncated: " + warning);
            }
        }
        return image;
    }

    /** Alpha is dropped rather than composited, grey replicated: PIL's {@code convert("RGB")}, see {@link RgbPixels}. */
    static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        RgbPixels.copy(image, ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData());
        return rgb;
    }
}
