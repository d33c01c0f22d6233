package io.cirstream.tools.packs;

/**
 * Knobs for generated packs.
 *
 * @param layers transformer layers per tower of {@code vit-b32-shaped} (12 matches CLIP ViT-B/32; tests use 1)
 * @param seed   seed of the fixed random weights
 */
public record GeneratorOptions(int layers, long seed) {

    public GeneratorOptions {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, was " + layers);
        }
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(12, 20_240_501L);
    }

    public GeneratorOptions withLayers(int newLayers) {
        return new GeneratorOptions(newLayers, seed);
    }
}
