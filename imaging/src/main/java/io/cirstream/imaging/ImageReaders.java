package io.cirstream.imaging;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/** Runs one task against the ImageIO reader for a sniffed format and maps every failure to a rejection. */
final class ImageReaders {

    @FunctionalInterface
    interface ReaderTask<T> {
        T apply(ImageReader reader) throws IOException, ImageRejectedException;
    }

    private ImageReaders() {
    }

    static ImageFormat sniff(byte[] bytes) throws ImageRejectedException {
        return ImageFormat.sniff(bytes).orElseThrow(() -> new ImageRejectedException(
                ImageRejectedException.Reason.UNSUPPORTED,
                ImageFormat.sniffUnsupported(bytes).map(name -> name + " images are not supported")
                        .orElse("not a recognised image (no JPEG, PNG, GIF, BMP or TIFF signature)")));
    }

    static <T> T withReader(byte[] bytes, ImageFormat format, ReaderTask<T> task) throws ImageRejectedException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new ImageRejectedException(ImageRejectedException.Reason.UNSUPPORTED,
                    "no ImageIO reader for " + format + " on this runtime");
        }
        ImageReader reader = readers.next();
        // An in-memory stream: ImageIO's default would spill to a temporary file for every image.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            return task.apply(reader);
        } catch (IOException | RuntimeException e) {
            // Readers signal damaged data with IIOException but also with unchecked exceptions from deep
            // inside their parsers (index, negative size, illegal argument); both mean the bytes are bad.
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT,
                    format + " data cannot be read: " + describe(e), e);
        } finally {
            reader.dispose();
        }
    }

    static ImageInfo header(ImageFormat format, ImageReader reader) throws IOException, ImageRejectedException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT,
                    format + " header declares an empty image " + width + "x" + height);
        }
        return new ImageInfo(format, width, height);
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
