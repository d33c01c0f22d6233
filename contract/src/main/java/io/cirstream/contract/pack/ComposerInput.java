package io.cirstream.contract.pack;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documented set of values a pack-v2 graph (a composer or a multi-token mapping) may take, each fed to the
 * graph input the manifest names for it. The runtime computes every value from the request; the graph picks what
 * its method needs, so a method whose query side exports as one ONNX graph runs without new Java code.
 */
public enum ComposerInput {
    /** float [batch, 3, size, size]: the reference image preprocessed as for the image tower. */
    REFERENCE_PIXELS("referencePixels", true),
    /** float [batch, dimension]: the L2-normalised reference embedding (the image tower's output). */
    REFERENCE_EMBEDDING("referenceEmbedding", false),
    /** float [batch, patches, width]: the image tower's patch/local features ({@code image.patchOutput}). */
    REFERENCE_PATCHES("referencePatches", true),
    /** int64 [batch, contextLength]: the framed modification text. */
    TEXT_IDS("textIds", false),
    /** int64 [batch, contextLength]: its attention mask (1 on bos, tokens, eos). */
    TEXT_MASK("textMask", false),
    /** float [batch, dimension]: the L2-normalised text embedding (the text tower's output). */
    TEXT_EMBEDDING("textEmbedding", false),
    /** int64 [batch, contextLength]: the framed caption of the reference (stored with the gallery image). */
    CAPTION_IDS("captionIds", false),
    CAPTION_MASK("captionMask", false),
    /** int64 [batch, contextLength]: the framed target description (the user's own LLM step wrote it). */
    DESCRIPTION_IDS("descriptionIds", false),
    DESCRIPTION_MASK("descriptionMask", false);

    private final String field;
    private final boolean needsPixels;

    ComposerInput(String field, boolean needsPixels) {
        this.field = field;
        this.needsPixels = needsPixels;
    }

    /** The key in the manifest's {@code inputs} object. */
    public String field() {
        return field;
    }

    /** Whether the value is computed from the reference's pixels (a stored vector alone is not enough). */
    public boolean needsPixels() {
        return needsPixels;
    }

    public boolean isInt64() {
        return switch (this) {
            case TEXT_IDS, TEXT_MASK, CAPTION_IDS, CAPTION_MASK, DESCRIPTION_IDS, DESCRIPTION_MASK -> true;
            default -> false;
        };
    }

    public static Optional<ComposerInput> of(String field) {
        return Arrays.stream(values()).filter(i -> i.field.equals(field)).findFirst();
    }

    public static String fields() {
        return String.join(", ", Arrays.stream(values()).map(ComposerInput::field).toList());
    }
}
