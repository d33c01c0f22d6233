package io.cirstream.imaging;

import io.cirstream.testkit.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;

import static io.cirstream.imaging.ImageRejectedException.Reason.CORRUPT;
import static io.cirstream.imaging.ImageRejectedException.Reason.TOO_MANY_PIXELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImageDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void decodesToIntRgb(String format) throws Exception {
        BufferedImage image = ImageDecoder.decode(TestImages.encode(TestImages.halves(40, 20), format),
                ImageLimits.DEFAULT);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(20);
        assertThat(isReddish(image.getRGB(5, 10))).isTrue();
        assertThat(isReddish(image.getRGB(35, 10))).isFalse();
    }

    @Test
    void exifOrientationSixRotatesClockwise() throws Exception {
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(40, 20), 6);

        BufferedImage image = ImageDecoder.decode(jpeg, ImageLimits.DEFAULT);

        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        // The left (red) half of the stored image is the top once rotated 90 degrees clockwise.
        assertThat(isReddish(image.getRGB(10, 5))).isTrue();
        assertThat(isReddish(image.getRGB(10, 35))).isFalse();
    }

    @Test
    void exifOrientationEightRotatesCounterClockwise() throws Exception {
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(40, 20), 8);

        BufferedImage image = ImageDecoder.decode(jpeg, ImageLimits.DEFAULT);

        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(isReddish(image.getRGB(10, 35))).isTrue();
        assertThat(isReddish(image.getRGB(10, 5))).isFalse();
    }

    @Test
    void exifOrientationThreeTurnsUpsideDown() throws Exception {
        BufferedImage image = ImageDecoder.decode(TestImages.withExifOrientation(TestImages.jpeg(40, 20), 3),
                ImageLimits.DEFAULT);

        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(isReddish(image.getRGB(35, 10))).isTrue();
    }

    @Test
    void jpegWithoutExifHasOrientationOne() {
        assertThat(ExifOrientation.read(TestImages.jpeg(8, 8))).isEqualTo(1);
        assertThat(ExifOrientation.read(TestImages.withExifOrientation(TestImages.jpeg(8, 8), 7))).isEqualTo(7);
    }

    @Test
    void transparentPixelsKeepTheirColourWithoutAlpha() throws Exception {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 1, 0x000A141E);
        argb.setRGB(2, 2, 0xFF00FF00);

        BufferedImage image = ImageDecoder.decode(TestImages.encode(argb, "png"), ImageLimits.DEFAULT);

        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x0A141E);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x00FF00);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg"})
    void truncatedFilesAreCorrupt(String format) {
        byte[] bytes = TestImages.truncated(TestImages.encode(noise(64, 64), format), 0.5);

        assertThat(decodeRejection(bytes, ImageLimits.DEFAULT).reason()).isEqualTo(CORRUPT);
    }

    @Test
    void pixelLimitAppliesBeforeDecoding() {
        ImageRejectedException e = decodeRejection(TestImages.png(100, 100), new ImageLimits(1 << 20, 9_999));

        assertThat(e.reason()).isEqualTo(TOO_MANY_PIXELS);
        assertThat(e.describe()).startsWith("TOO_MANY_PIXELS: PNG declares 100x100");
    }

    private static ImageRejectedException decodeRejection(byte[] bytes, ImageLimits limits) {
        ImageRejectedException e = catchThrowableOfType(ImageRejectedException.class,
                () -> ImageDecoder.decode(bytes, limits));
        assertThat(e).as("expected a rejection").isNotNull();
        return e;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static boolean isReddish(int rgb) {
        int red = rgb >> 16 & 0xFF;
        int blue = rgb & 0xFF;
        return red > 150 && blue < 100;
    }
}
