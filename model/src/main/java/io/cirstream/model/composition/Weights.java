package io.cirstream.model.composition;

/** Shared argument checks for the composition weights (w, α, λ), which all live in [0, 1]. */
final class Weights {

    private Weights() {
    }

    static void requireUnitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], got " + value);
        }
    }
}
