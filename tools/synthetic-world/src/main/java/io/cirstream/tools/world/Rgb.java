package io.cirstream.tools.world;

/** A colour with channels in [0, 1]. */
public record Rgb(float r, float g, float b) {

    public int toArgb() {
        return 0xFF000000 | (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    static int channel(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
