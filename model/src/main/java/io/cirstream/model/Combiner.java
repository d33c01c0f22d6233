package io.cirstream.model;

import java.util.List;

/** A learned fusion network f(image feature, text feature) -> L2-normalised query feature (CLIP4Cir-style). */
public interface Combiner extends AutoCloseable {

    List<float[]> combine(List<float[]> imageEmbeddings, List<float[]> textEmbeddings);

    @Override
    void close();
}
