package io.cirstream.tools.world;

/**
 * The kind of object on a synthetic tile, seen from above. Each kind is a silhouette in object
 * coordinates (u, v) in [-1, 1] (v grows downwards), drawn centred in the tile.
 */
public enum ObjectKind {
    TANK("tank") {
        @Override
        public boolean contains(double u, double v) {
            return u * u + v * v <= 0.75 * 0.75;
        }
    },
    SHIP("ship") {
        @Override
        public boolean contains(double u, double v) {
            return u * u + (v / 0.3) * (v / 0.3) <= 1.0;
        }
    },
    PLANE("plane") {
        @Override
        public boolean contains(double u, double v) {
            boolean fuselage = Math.abs(u) <= 0.15 && Math.abs(v) <= 1.0;
            boolean wings = Math.abs(v + 0.1) <= 0.17 && Math.abs(u) <= 0.95;
            boolean tail = Math.abs(v - 0.8) <= 0.1 && Math.abs(u) <= 0.4;
            return fuselage || wings || tail;
        }
    },
    HOUSE("house") {
        @Override
        public boolean contains(double u, double v) {
            return Math.abs(u) <= 0.7 && Math.abs(v) <= 0.5 && !(Math.abs(u) <= 0.25 && Math.abs(v) <= 0.15);
        }
    },
    BRIDGE("bridge") {
        @Override
        public boolean contains(double u, double v) {
            return Math.abs(u) <= 0.2 && Math.abs(v) <= 1.0;
        }
    },
    TENT("tent") {
        @Override
        public boolean contains(double u, double v) {
            return v >= -0.8 && v <= 0.8 && Math.abs(u) <= 0.9 * (v + 0.8) / 1.6;
        }
    };

    private final String word;

    ObjectKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether object coordinate (u, v) is inside the silhouette. */
    public abstract boolean contains(double u, double v);
}
