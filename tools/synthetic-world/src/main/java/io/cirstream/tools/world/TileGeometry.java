package io.cirstream.tools.world;

/**
 * Where things go on a synthetic tile. The object stays inside the centre so the border ring shows only
 * land cover: the generated model reads the land cover from the ring and the object from the centre.
 */
public final class TileGeometry {

    /** Tile edge in pixels. */
    public static final int SIZE = 64;
    /** Width of the border ring that never holds the object. */
    public static final int BORDER = 8;
    /** Half the object's extent in pixels at scale 1 (object coordinate 1.0). */
    public static final double OBJECT_HALF_SIZE = 16.0;
    /** Largest shift of the object centre from the tile centre, per axis, in pixels. */
    public static final double MAX_SHIFT = 3.0;
    /** Object scale is drawn uniformly from [MIN_SCALE, MAX_SCALE]. */
    public static final double MIN_SCALE = 0.85;
    public static final double MAX_SCALE = 1.1;
    /** Largest per-channel noise added to each pixel. */
    public static final float PIXEL_NOISE = 0.04f;
    /** Largest per-channel tint of the whole land cover, per tile. */
    public static final float TINT = 0.03f;

    private TileGeometry() {
    }

    /**
     * Rasterises {@code kind} with its centre shifted by (shiftX, shiftY) pixels and scaled by {@code scale}:
     * row-major SIZE×SIZE, true where a pixel centre lies inside the silhouette.
     */
    public static boolean[] objectMask(ObjectKind kind, double shiftX, double shiftY, double scale) {
        boolean[] mask = new boolean[SIZE * SIZE];
        double half = OBJECT_HALF_SIZE * scale;
        double cx = SIZE / 2.0 + shiftX;
        double cy = SIZE / 2.0 + shiftY;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                mask[y * SIZE + x] = kind.contains((x + 0.5 - cx) / half, (y + 0.5 - cy) / half);
            }
        }
        return mask;
    }

    public static boolean inBorder(int x, int y) {
        return x < BORDER || y < BORDER || x >= SIZE - BORDER || y >= SIZE - BORDER;
    }
}
