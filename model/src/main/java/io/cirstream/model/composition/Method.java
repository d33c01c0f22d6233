package io.cirstream.model.composition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The composition methods of anchors.md, with the inputs each one needs and its name on the wire. The last three
 * run pack-format-2 networks (docs/model-packs.md): {@code multi_token} the pack's multi-token inversion
 * (FTI4CIR), {@code composer} one of its composer graphs (chosen by the {@code composer} parameter), {@code cvsi}
 * the documented fusion of the pseudo-word query with the user's target description (CVSI's retrieval stage).
 */
public enum Method {
    IMAGE(true, false),
    TEXT(false, true),
    SUM(true, true),
    SLERP(true, true),
    WEICOM(true, true),
    PSEUDO_TOKEN(true, true),
    COMBINER(true, true),
    MULTI_TOKEN(true, true),
    COMPOSER(true, true),
    CVSI(true, true);

    private final boolean needsReference;
    private final boolean needsText;

    Method(boolean needsReference, boolean needsText) {
        this.needsReference = needsReference;
        this.needsText = needsText;
    }

    public boolean needsReference() {
        return needsReference;
    }

    public boolean needsText() {
        return needsText;
    }

    /** Late fusion ranks two result lists instead of searching with one composed vector. */
    public boolean fusesLate() {
        return this == WEICOM;
    }

    /** Whether the method composes from {@code QueryInputs} (pixels, caption, description), not only i and t. */
    public boolean usesQueryInputs() {
        return this == MULTI_TOKEN || this == COMPOSER || this == CVSI;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Method> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Method::wireName).toList());
    }
}
