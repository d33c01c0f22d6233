package io.cirstream.imaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTest {
    private static final int A = 0xA00000;
    private static final int B = 0x00B000;
    private static final int C = 0x0000C0;
    private static final int D = 0xD0D0D0;

    /** Stored corners A (top left), B (top right), C (bottom left), D (bottom right) of a 3x2 image. */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({"1, A, B, 3", "2, B, A, 3", "3, D, C, 3", "4, C, D, 3", "5, A, C, 2", "6, C, A, 2", "7, D, B, 2",
            "8, B, D, 2"})
    void cornersLandWhereTheExifTableSays(int orientation, char topLeft, char topRight, int width) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, A);
        stored.setRGB(2, 0, B);
        stored.setRGB(0, 1, C);
        stored.setRGB(2, 1, D);

        BufferedImage upright = ExifOrientation.apply(stored, orientation);

        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getRGB(0, 0) & 0xFFFFFF).isEqualTo(colour(topLeft));
        assertThat(upright.getRGB(width - 1, 0) & 0xFFFFFF).isEqualTo(colour(topRight));
    }

    private static int colour(char corner) {
        return switch (corner) {
            case 'A' -> A;
            case 'B' -> B;
            case 'C' -> C;
            default -> D;
        };
    }
}
