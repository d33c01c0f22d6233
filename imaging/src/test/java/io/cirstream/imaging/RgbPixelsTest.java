package io.cirstream.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RgbPixelsTest {

    @Test
    void greyIsReplicatedAsStoredNotConvertedFromLinearGrey() throws IOException {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 128, 255});

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png(grey)));

        // getRGB would give 0xbcbcbc for 128: ImageIO's grey colour space is linear, PIL's is not.
        assertThat(RgbPixels.of(decoded)).containsExactly(0x000000, 0x808080, 0xFFFFFF);
    }

    @Test
    void sixteenBitGreyKeepsTheHighByteNotLinearGreyConvertedToSrgb() throws IOException {
        BufferedImage grey = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 0x80FF, 0xC000, 0xFFFF});

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png(grey)));

        // getRGB gave 0xbcbcbc-like values for 0x80ff (linear grey to sRGB); Pillow's 16-bit RGB keeps the high byte.
        assertThat(RgbPixels.of(decoded)).containsExactly(0x000000, 0x808080, 0xC0C0C0, 0xFFFFFF);
    }

    @Test
    void greyWithAlphaDropsAlpha() throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(4, 2);
        raster.setPixels(0, 0, 4, 2, new int[] {0, 255, 64, 0, 128, 10, 200, 255, 1, 0, 90, 90, 255, 128, 33, 7});
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png(new BufferedImage(model, raster, false, null))));
        assertThat(decoded.getRaster().getNumBands()).isEqualTo(2);

        int[] pixels = RgbPixels.of(decoded);

        for (int i = 0; i < pixels.length; i++) {
            int v = decoded.getRaster().getSample(i % decoded.getWidth(), i / decoded.getWidth(), 0);
            assertThat(pixels[i]).isEqualTo(v << 16 | v << 8 | v);
        }
    }

    /** For sRGB layouts the fast paths must agree exactly with the colour model's own conversion. */
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_USHORT_565_RGB,
            BufferedImage.TYPE_BYTE_INDEXED})
    void srgbLayoutsMatchGetRgbWithoutAlpha(int type) {
        BufferedImage image = noise(type, 37, 23);

        assertThat(RgbPixels.of(image)).containsExactly(viaGetRgb(image));
    }

    @Test
    void decodedRgbaPngKeepsTheColourOfTransparentPixels() throws IOException {
        BufferedImage source = noise(BufferedImage.TYPE_INT_ARGB, 16, 9);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png(source)));

        assertThat(RgbPixels.of(decoded)).containsExactly(viaGetRgb(source));
    }

    @Test
    void aSubImageTakesTheGeneralPath() {
        BufferedImage parent = noise(BufferedImage.TYPE_3BYTE_BGR, 20, 20);
        BufferedImage sub = parent.getSubimage(5, 7, 9, 6);

        assertThat(RgbPixels.of(sub)).containsExactly(viaGetRgb(sub));
    }

    private static BufferedImage noise(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static int[] viaGetRgb(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < argb.length; i++) {
            argb[i] &= 0xFFFFFF;
        }
        return argb;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
