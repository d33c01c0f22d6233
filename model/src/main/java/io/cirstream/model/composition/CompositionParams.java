package io.cirstream.model.composition;

/**
 * The tunable weights of the methods, each in [0, 1]: {@code w} for sum (text weight), {@code alpha} for
 * slerp (text weight), {@code lambda} for weicom (text weight).
 */
public record CompositionParams(double w, double alpha, double lambda) {

    public CompositionParams {
        Weights.requireUnitInterval("w", w);
        Weights.requireUnitInterval("alpha", alpha);
        Weights.requireUnitInterval("lambda", lambda);
    }

    public static CompositionParams defaults() {
        return new CompositionParams(WeightedSum.DEFAULT_WEIGHT, Slerp.DEFAULT_ALPHA, WeiCom.DEFAULT_LAMBDA);
    }
}
