package io.cirstream.model;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Everything one composed query offers a pack-v2 graph (see {@code ComposerInput}); a graph takes what it needs.
 *
 * @param referenceImage     the decoded reference, when the request brought its pixels (upload or URL)
 * @param referenceEmbedding the L2-normalised reference embedding
 * @param text               the modification text
 * @param caption            the reference's caption, stored with the gallery image (empty when it has none)
 * @param description        the target description from the user's own LLM step (empty when not given)
 */
public record QueryInputs(Optional<BufferedImage> referenceImage, float[] referenceEmbedding, String text,
                          String caption, String description) {

    public QueryInputs {
        caption = caption == null ? "" : caption;
        description = description == null ? "" : description;
        text = text == null ? "" : text;
    }

    public static QueryInputs of(BufferedImage image, float[] embedding, String text) {
        return new QueryInputs(Optional.ofNullable(image), embedding, text, "", "");
    }
}
