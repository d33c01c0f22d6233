package io.cirstream.model.composition;

import io.cirstream.model.Combiner;
import io.cirstream.model.PseudoTokenEncoder;

import java.util.List;
import java.util.Optional;

/**
 * Turns the normalised reference embedding i and text embedding t into the one query vector a k-NN search
 * uses. image/text/sum/slerp are pure arithmetic; pseudo_token and combiner run the pack's extra networks
 * and so block: call {@link #compose} off the event loop.
 */
public final class Composer {

    private final Optional<PseudoTokenEncoder> pseudoTokens;
    private final Optional<Combiner> combiner;

    public Composer(Optional<PseudoTokenEncoder> pseudoTokens, Optional<Combiner> combiner) {
        this.pseudoTokens = pseudoTokens;
        this.combiner = combiner;
    }

    /** Whether the loaded pack can run {@code method} (pseudo_token and combiner need extra networks). */
    public boolean supports(Method method) {
        return switch (method) {
            case PSEUDO_TOKEN -> pseudoTokens.isPresent();
            case COMBINER -> combiner.isPresent();
            default -> true;
        };
    }

    /**
     * @param image the reference embedding, null when the method does not need it
     * @param text  the raw modification text, null when the method does not need it
     * @param t     the text embedding, null when the method does not need it
     */
    public float[] compose(Method method, CompositionParams params, float[] image, String text, float[] t) {
        return switch (method) {
            case IMAGE -> Vec.normalize(image);
            case TEXT -> Vec.normalize(t);
            case SUM -> WeightedSum.compose(image, t, params.w());
            case SLERP -> Slerp.compose(image, t, params.alpha());
            case PSEUDO_TOKEN -> pseudoTokens.orElseThrow(() -> unsupported(method))
                    .compose(List.of(Vec.normalize(image)), List.of(text)).getFirst();
            case COMBINER -> combiner.orElseThrow(() -> unsupported(method))
                    .combine(List.of(Vec.normalize(image)), List.of(Vec.normalize(t))).getFirst();
            case WEICOM -> throw new IllegalArgumentException("weicom fuses two rankings; it has no single query vector");
        };
    }

    private static IllegalStateException unsupported(Method method) {
        return new IllegalStateException("the loaded model pack has no network for " + method.wireName());
    }
}
