package io.cirstream.model.composition;

/**
 * CVSI's retrieval stage given its generated texts, as one documented fusion (docs/model-packs.md):
 * {@code q = normalise((1−β)·p + β·d)}, where p is the pseudo-word query (the pack's single-token inversion of the
 * reference with the modification text) and d the text embedding of the target description the user's own LLM
 * step wrote. β = 0.5 by default. The paper's exact weighting is not published in the seed README, so β is a
 * parameter, not a claim.
 */
public final class CvsiFusion {

    public static final double DEFAULT_BETA = 0.5;

    private CvsiFusion() {
    }

    public static float[] compose(float[] pseudoWordQuery, float[] description, double beta) {
        Weights.requireUnitInterval("beta", beta);
        return Vec.normalize(Vec.linear(1 - beta, Vec.normalize(pseudoWordQuery), beta, Vec.normalize(description)));
    }
}
