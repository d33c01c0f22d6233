package io.cirstream.tools.packs;

import io.cirstream.tools.world.TileGeometry;

/** Pixel masks (row-major SIZE×SIZE) of the tile regions the synthetic image tower reads. */
final class RegionMasks {

    private RegionMasks() {
    }

    /** 1 on the border ring, which shows only land cover. */
    static float[] border() {
        return mask(true);
    }

    /** 1 inside the ring, where the object is. */
    static float[] centre() {
        return mask(false);
    }

    private static float[] mask(boolean border) {
        int size = TileGeometry.SIZE;
        float[] mask = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                mask[y * size + x] = TileGeometry.inBorder(x, y) == border ? 1f : 0f;
            }
        }
        return mask;
    }
}
