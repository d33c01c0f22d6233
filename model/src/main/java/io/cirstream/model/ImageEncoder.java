package io.cirstream.model;

import java.awt.image.BufferedImage;
import java.util.List;

/** Turns decoded images into L2-normalised embeddings; preprocessing follows the pack's manifest. */
public interface ImageEncoder extends AutoCloseable {

    int dimension();

    List<float[]> encode(List<BufferedImage> images);

    @Override
    void close();
}
