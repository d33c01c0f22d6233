package io.cirstream.model;

import java.util.List;

/**
 * Multi-token textual inversion (FTI4CIR): the reference becomes several pseudo-word tokens (a subject token and
 * attribute tokens from local features), placed at the placeholders of {@link #promptTemplate()}. Outputs are
 * L2-normalised.
 */
public interface MultiTokenEncoder extends AutoCloseable {

    List<float[]> compose(List<QueryInputs> queries);

    String promptTemplate();

    /** Whether the mapping reads the reference's pixels (patch features), not only its stored vector. */
    boolean needsPixels();

    @Override
    void close();
}
