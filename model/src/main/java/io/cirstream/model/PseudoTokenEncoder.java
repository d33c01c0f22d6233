package io.cirstream.model;

import java.util.List;

/**
 * Pseudo-token composition (Pic2Word, SEARLE, LinCIR): a mapping network phi turns each reference image
 * embedding into token embedding(s) placed at {@code $} of {@link #promptTemplate()}, and the text tower
 * variant that accepts token embeddings encodes the filled prompt. Outputs are L2-normalised.
 */
public interface PseudoTokenEncoder extends AutoCloseable {

    List<float[]> compose(List<float[]> referenceImageEmbeddings, List<String> modificationTexts);

    /** The prompt, e.g. {@code a photo of $ that {text}}. */
    String promptTemplate();

    @Override
    void close();
}
