package io.cirstream.model.composition;

import io.cirstream.model.Combiner;
import io.cirstream.model.ComposerGraph;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.MultiTokenEncoder;
import io.cirstream.model.PseudoTokenEncoder;
import io.cirstream.model.QueryInputs;
import io.cirstream.model.TextEncoder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the normalised reference embedding i and text embedding t into the one query vector a k-NN search
 * uses. image/text/sum/slerp are pure arithmetic; pseudo_token, combiner, multi_token, composer and cvsi run the
 * pack's extra networks and so block: call {@link #compose} off the event loop.
 */
public final class Composer {

    private final Optional<PseudoTokenEncoder> pseudoTokens;
    private final Optional<Combiner> combiner;
    private final Optional<MultiTokenEncoder> multiToken;
    private final Map<String, ComposerGraph> graphs;
    private final Optional<TextEncoder> texts;

    public Composer(Optional<PseudoTokenEncoder> pseudoTokens, Optional<Combiner> combiner) {
        this(pseudoTokens, combiner, Optional.empty(), Map.of(), Optional.empty());
    }

    private Composer(Optional<PseudoTokenEncoder> pseudoTokens, Optional<Combiner> combiner,
                     Optional<MultiTokenEncoder> multiToken, Map<String, ComposerGraph> graphs,
                     Optional<TextEncoder> texts) {
        this.pseudoTokens = pseudoTokens;
        this.combiner = combiner;
        this.multiToken = multiToken;
        this.graphs = graphs;
        this.texts = texts;
    }

    /** Every method the loaded pack can run. */
    public static Composer of(ModelRuntime runtime) {
        return new Composer(runtime.pseudoTokens(), runtime.combiner(), runtime.multiToken(), runtime.composers(),
                Optional.of(runtime.texts()));
    }

    /** Whether the loaded pack can run {@code method} (the networked methods need their networks). */
    public boolean supports(Method method) {
        return switch (method) {
            case PSEUDO_TOKEN -> pseudoTokens.isPresent();
            case COMBINER -> combiner.isPresent();
            case MULTI_TOKEN -> multiToken.isPresent();
            case COMPOSER -> !graphs.isEmpty();
            case CVSI -> pseudoTokens.isPresent() && texts.isPresent();
            default -> true;
        };
    }

    /** Why the pack cannot run {@code method} with {@code params}; empty when it can. */
    public Optional<String> unavailable(Method method, CompositionParams params) {
        if (!supports(method)) {
            return Optional.of("the loaded model pack has no " + method.wireName() + " network"
                    + (method == Method.CVSI ? " (cvsi needs the pack's pseudoToken mapping)" : ""));
        }
        if (method == Method.COMPOSER && graph(params).isEmpty()) {
            return Optional.of(params.composer().isEmpty()
                    ? "the pack has several composer graphs; name one with the composer parameter: " + graphNames()
                    : "the pack has no composer graph '" + params.composer() + "'; it has: " + graphNames());
        }
        return Optional.empty();
    }

    /** Whether the method reads the reference's pixels (patch features), which a stored vector cannot give. */
    public boolean needsPixels(Method method, CompositionParams params) {
        return switch (method) {
            case MULTI_TOKEN -> multiToken.map(MultiTokenEncoder::needsPixels).orElse(false);
            case COMPOSER -> graph(params).map(ComposerGraph::needsPixels).orElse(false);
            default -> false;
        };
    }

    /** The composer graph names of the pack, in manifest order. */
    public String graphNames() {
        return String.join(", ", graphs.keySet());
    }

    /**
     * @param image the reference embedding, null when the method does not need it
     * @param text  the raw modification text, null when the method does not need it
     * @param t     the text embedding, null when the method does not need it
     */
    public float[] compose(Method method, CompositionParams params, float[] image, String text, float[] t) {
        return compose(method, params, new QueryInputs(Optional.empty(), image, text, "", ""), t);
    }

    /**
     * As {@link #compose(Method, CompositionParams, float[], String, float[])}, with everything a request brought:
     * the reference's pixels, its caption and the target description, for the methods that use them.
     */
    public float[] compose(Method method, CompositionParams params, QueryInputs inputs, float[] t) {
        float[] image = inputs.referenceEmbedding();
        return switch (method) {
            case IMAGE -> Vec.normalize(image);
            case TEXT -> Vec.normalize(t);
            case SUM -> WeightedSum.compose(image, t, params.w());
            case SLERP -> Slerp.compose(image, t, params.alpha());
            case PSEUDO_TOKEN -> pseudoWord(image, inputs.text());
            case COMBINER -> combiner.orElseThrow(() -> unsupported(method))
                    .combine(List.of(Vec.normalize(image)), List.of(Vec.normalize(t))).getFirst();
            case MULTI_TOKEN -> multiToken.orElseThrow(() -> unsupported(method)).compose(List.of(inputs)).getFirst();
            case COMPOSER -> graph(params).orElseThrow(() -> unsupported(method)).compose(List.of(inputs)).getFirst();
            case CVSI -> CvsiFusion.compose(pseudoWord(image, inputs.text()), description(inputs), params.beta());
            case WEICOM -> throw new IllegalArgumentException("weicom fuses two rankings; it has no single query vector");
        };
    }

    private float[] pseudoWord(float[] image, String text) {
        return pseudoTokens.orElseThrow(() -> unsupported(Method.PSEUDO_TOKEN))
                .compose(List.of(Vec.normalize(image)), List.of(text)).getFirst();
    }

    private float[] description(QueryInputs inputs) {
        if (inputs.description().isBlank()) {
            throw new IllegalArgumentException("cvsi needs the target description (the request's description field)");
        }
        return texts.orElseThrow(() -> unsupported(Method.CVSI)).encode(List.of(inputs.description())).getFirst();
    }

    private Optional<ComposerGraph> graph(CompositionParams params) {
        if (params.composer().isEmpty()) {
            return graphs.size() == 1 ? graphs.values().stream().findFirst() : Optional.empty();
        }
        return Optional.ofNullable(graphs.get(params.composer()));
    }

    private static IllegalStateException unsupported(Method method) {
        return new IllegalStateException("the loaded model pack has no network for " + method.wireName());
    }
}
