package io.cirstream.imaging;

import java.util.Optional;

/**
 * The formats the pipeline decodes, recognised by their leading bytes rather than by file name or
 * declared content type. JPEG is read by the TwelveMonkeys plugin (CMYK and broken-ICC files included),
 * the others by the JDK's own ImageIO readers.
 */
public enum ImageFormat {
    JPEG("jpeg", "image/jpeg"),
    PNG("png", "image/png"),
    GIF("gif", "image/gif"),
    BMP("bmp", "image/bmp"),
    TIFF("tiff", "image/tiff");

    private final String imageIoName;
    private final String contentType;

    ImageFormat(String imageIoName, String contentType) {
        this.imageIoName = imageIoName;
        this.contentType = contentType;
    }

    public String imageIoName() {
        return imageIoName;
    }

    public String contentType() {
        return contentType;
    }

    /** The format whose signature starts {@code bytes}, if it is one we decode. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 'B', 'M') && bytes.length >= 26) {
            return Optional.of(BMP);
        }
        if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    /** Names well-known formats we recognise but do not decode, so the rejection says what the file was. */
    static Optional<String> sniffUnsupported(byte[] bytes) {
        if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
                && bytes[10] == 'B' && bytes[11] == 'P') {
            return Optional.of("WebP");
        }
        if (bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p') {
            return Optional.of("HEIF/AVIF (ISO media)");
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return Optional.of("PDF");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
