package io.cirstream.tools.world;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Draws a tile: tinted land cover with per-pixel noise, and the object's silhouette in its colour. */
public final class TileRenderer {

    private TileRenderer() {
    }

    public static BufferedImage render(TileSpec spec) {
        int size = TileGeometry.SIZE;
        SplittableRandom rng = new SplittableRandom(spec.noiseSeed());
        Rgb land = spec.land().colour();
        float tintR = jitter(rng, TileGeometry.TINT);
        float tintG = jitter(rng, TileGeometry.TINT);
        float tintB = jitter(rng, TileGeometry.TINT);
        boolean[] object = TileGeometry.objectMask(spec.kind(), spec.shiftX(), spec.shiftY(), spec.scale());
        Rgb paint = spec.colour().colour();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean isObject = object[y * size + x];
                float r = isObject ? paint.r() : land.r() + tintR;
                float g = isObject ? paint.g() : land.g() + tintG;
                float b = isObject ? paint.b() : land.b() + tintB;
                float noise = TileGeometry.PIXEL_NOISE;
                Rgb pixel = new Rgb(r + jitter(rng, noise), g + jitter(rng, noise), b + jitter(rng, noise));
                image.setRGB(x, y, pixel.toArgb());
            }
        }
        return image;
    }

    private static float jitter(SplittableRandom rng, float amplitude) {
        return (float) rng.nextDouble(-amplitude, amplitude);
    }
}
