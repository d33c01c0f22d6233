package io.cirstream.tools.perf;

import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.RgbPixels;

import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Prints, side by side in one run, the cost of reading decoded pixels as RGB with {@link RgbPixels} and with the
 * JDK's {@code BufferedImage.getRGB} (the embedder's hot path before RgbPixels), for images as ImageIO decodes
 * them: 64x64 RGB PNG tiles (the synthetic benchmark), 640x480 RGB PNG and JPEG, 640x480 grey PNG. Rounds
 * alternate between the two so machine noise hits both alike.
 * <pre>PixelReadPerf [--rounds N]</pre>
 */
public final class PixelReadPerf {
    private static final int ROUNDS = 5;
    private static final long ROUND_NANOS = 400_000_000L;

    private PixelReadPerf() {
    }

    public static void main(String[] args) {
        int rounds = args.length == 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : ROUNDS;
        BufferedImage tile = TileRenderer.render(SyntheticWorld.tile(1, 0));
        BufferedImage photo = scaled(tile, 640, 480, BufferedImage.TYPE_INT_RGB);
        List<Case> cases = List.of(new Case("64x64 RGB PNG tile", decoded(tile, "png")),
                new Case("640x480 RGB PNG", decoded(photo, "png")),
                new Case("640x480 RGB JPEG", decoded(photo, "jpeg")),
                new Case("640x480 grey PNG", decoded(scaled(tile, 640, 480, BufferedImage.TYPE_BYTE_GRAY), "png")));
        System.out.printf(Locale.ROOT, "%-20s %16s %16s %8s%n", "image", "getRGB us/img", "RgbPixels us/img", "speed-up");
        for (Case c : cases) {
            double jdk = Double.MAX_VALUE;
            double ours = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                jdk = Math.min(jdk, microsPerImage(c.image, PixelReadPerf::viaGetRgb));
                ours = Math.min(ours, microsPerImage(c.image, image -> RgbPixels.of(image)[0]));
            }
            System.out.printf(Locale.ROOT, "%-20s %16.1f %16.1f %7.1fx%n", c.name, jdk, ours, jdk / ours);
        }
        System.out.println("(best of " + rounds + " alternating rounds; images as ImageIO decodes them)");
    }

    private record Case(String name, BufferedImage image) {
    }

    /** The old path: converted row by row through the colour model, as ImageDecoder and the preprocessor did. */
    private static int viaGetRgb(BufferedImage image) {
        int width = image.getWidth();
        int[] out = new int[width * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, out, y * width, width);
        }
        return out[0];
    }

    private static double microsPerImage(BufferedImage image, ToIntFunction<BufferedImage> read) {
        long sink = 0;
        int count = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            sink += read.applyAsInt(image);
            count++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < ROUND_NANOS);
        if (sink == 42) {
            System.out.print("");
        }
        return elapsed / 1e3 / count;
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height, int type) {
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static BufferedImage decoded(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, format, bytes);
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
