package io.cirstream.model.composition;

/**
 * The tunable weights of the methods, each in [0, 1]: {@code w} for sum (text weight), {@code alpha} for
 * slerp (text weight), {@code lambda} for weicom (text weight), {@code beta} for cvsi (weight of the target
 * description against the pseudo-word query); and {@code composer}, the name of the pack's composer graph the
 * {@code composer} method runs (empty: the pack's only one).
 */
public record CompositionParams(double w, double alpha, double lambda, double beta, String composer) {

    public CompositionParams {
        Weights.requireUnitInterval("w", w);
        Weights.requireUnitInterval("alpha", alpha);
        Weights.requireUnitInterval("lambda", lambda);
        Weights.requireUnitInterval("beta", beta);
        composer = composer == null ? "" : composer;
    }

    public CompositionParams(double w, double alpha, double lambda) {
        this(w, alpha, lambda, CvsiFusion.DEFAULT_BETA, "");
    }

    public static CompositionParams defaults() {
        return new CompositionParams(WeightedSum.DEFAULT_WEIGHT, Slerp.DEFAULT_ALPHA, WeiCom.DEFAULT_LAMBDA);
    }
}
