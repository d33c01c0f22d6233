package io.cirstream.model;

import java.util.List;

/** Turns texts into L2-normalised embeddings in the same space as {@link ImageEncoder}. */
public interface TextEncoder extends AutoCloseable {

    int dimension();

    List<float[]> encode(List<String> texts);

    @Override
    void close();
}
