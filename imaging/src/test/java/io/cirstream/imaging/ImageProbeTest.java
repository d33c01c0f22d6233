package io.cirstream.imaging;

import io.cirstream.testkit.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static io.cirstream.imaging.ImageRejectedException.Reason.CORRUPT;
import static io.cirstream.imaging.ImageRejectedException.Reason.TOO_MANY_BYTES;
import static io.cirstream.imaging.ImageRejectedException.Reason.TOO_MANY_PIXELS;
import static io.cirstream.imaging.ImageRejectedException.Reason.UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImageProbeTest {

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void readsFormatAndSizeFromContent(String format) throws Exception {
        ImageInfo info = ImageProbe.probe(TestImages.encode(TestImages.halves(37, 23), format));

        assertThat(info.format().imageIoName()).isEqualTo(format);
        assertThat(info.width()).isEqualTo(37);
        assertThat(info.height()).isEqualTo(23);
    }

    @Test
    void bombHeaderIsMeasuredWithoutDecoding() throws Exception {
        ImageInfo info = ImageProbe.probe(TestImages.pngHeaderClaiming(50_000, 50_000));

        assertThat(info.pixels()).isEqualTo(2_500_000_000L);
    }

    @Test
    void bombHeaderIsRefusedByThePixelLimit() {
        ImageRejectedException e = rejected(TestImages.pngHeaderClaiming(50_000, 50_000), ImageLimits.DEFAULT);

        assertThat(e.reason()).isEqualTo(TOO_MANY_PIXELS);
        assertThat(e.getMessage()).contains("50000x50000");
    }

    @Test
    void byteLimitIsCheckedFirst() {
        ImageRejectedException e = rejected(TestImages.png(64, 64), new ImageLimits(100, 1_000_000));

        assertThat(e.reason()).isEqualTo(TOO_MANY_BYTES);
    }

    @Test
    void textIsNotAnImage() {
        ImageRejectedException e = rejected("hello, world\n".repeat(10).getBytes(StandardCharsets.UTF_8),
                ImageLimits.DEFAULT);

        assertThat(e.reason()).isEqualTo(UNSUPPORTED);
        assertThat(e.getMessage()).contains("not a recognised image");
    }

    @Test
    void webpIsNamedAsUnsupported() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

        ImageRejectedException e = rejected(webp, ImageLimits.DEFAULT);

        assertThat(e.reason()).isEqualTo(UNSUPPORTED);
        assertThat(e.getMessage()).contains("WebP");
    }

    @Test
    void signatureFollowedByGarbageIsCorrupt() {
        byte[] bytes = new byte[200];
        System.arraycopy(TestImages.png(4, 4), 0, bytes, 0, 8);
        for (int i = 8; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }

        assertThat(rejected(bytes, ImageLimits.DEFAULT).reason()).isEqualTo(CORRUPT);
    }

    static ImageRejectedException rejected(byte[] bytes, ImageLimits limits) {
        ImageRejectedException e = catchThrowableOfType(ImageRejectedException.class,
                () -> ImageProbe.probe(bytes, limits));
        assertThat(e).as("expected a rejection").isNotNull();
        return e;
    }
}
