package io.cirstream.model;

import io.cirstream.contract.pack.ComposerInput;

import java.util.List;
import java.util.Set;

/** A pack's composer graph: the whole query side of a method as one ONNX graph. Outputs are L2-normalised. */
public interface ComposerGraph extends AutoCloseable {

    /** The manifest's name for it; the API's {@code composer} parameter selects it. */
    String name();

    /** The documented inputs the graph takes. */
    Set<ComposerInput> inputs();

    default boolean needsPixels() {
        return inputs().stream().anyMatch(ComposerInput::needsPixels);
    }

    List<float[]> compose(List<QueryInputs> queries);

    @Override
    void close();
}
