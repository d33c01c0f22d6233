package io.cirstream.tools.world;

import java.util.Arrays;

/** Tile indexes grouped by attribute triple: the only per-tile state a world keeps (4 bytes a tile). */
final class TileIndex {

    private final int[][] byKey;

    private TileIndex(int[][] byKey) {
        this.byKey = byKey;
    }

    static TileIndex build(long seed, int imageCount) {
        int[] counts = new int[Attributes.KEY_COUNT];
        int[] keys = new int[imageCount];
        for (int i = 0; i < imageCount; i++) {
            keys[i] = TileSpec.of(seed, i).attributeKey();
            counts[keys[i]]++;
        }
        int[][] byKey = new int[Attributes.KEY_COUNT][];
        for (int k = 0; k < byKey.length; k++) {
            byKey[k] = new int[counts[k]];
        }
        Arrays.fill(counts, 0);
        for (int i = 0; i < imageCount; i++) {
            byKey[keys[i]][counts[keys[i]]++] = i;
        }
        return new TileIndex(byKey);
    }

    /** Tiles with the given attribute key, ascending. */
    int[] tiles(int key) {
        return byKey[key];
    }
}
