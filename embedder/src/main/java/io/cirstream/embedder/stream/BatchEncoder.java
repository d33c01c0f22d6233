package io.cirstream.embedder.stream;

import io.cirstream.embedder.model.ImageEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the image encoder on a batch. If the batch fails, each image is retried alone, so one image the model
 * chokes on becomes one dead letter instead of failing (and endlessly retrying) the whole batch.
 */
final class BatchEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(BatchEncoder.class);

    /** Either a vector or the reason the model refused the image. */
    record Result(float[] vector, RejectedException failure) {
    }

    private final ImageEncoder encoder;

    BatchEncoder(ImageEncoder encoder) {
        this.encoder = encoder;
    }

    List<Result> encode(List<BufferedImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        try {
            List<float[]> vectors = encoder.encode(images);
            if (vectors.size() != images.size()) {
                throw new IllegalStateException("the encoder returned " + vectors.size() + " vectors for "
                        + images.size() + " images");
            }
            return vectors.stream().map(v -> new Result(v, null)).toList();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError batchFailure) {
            LOG.warn("encoding a batch of {} failed ({}); retrying its images one by one", images.size(),
                    batchFailure.toString());
            List<Result> results = new ArrayList<>(images.size());
            for (BufferedImage image : images) {
                results.add(encodeAlone(image));
            }
            return results;
        }
    }

    private Result encodeAlone(BufferedImage image) {
        try {
            List<float[]> vectors = encoder.encode(List.of(image));
            if (vectors.size() != 1 || vectors.getFirst() == null || vectors.getFirst().length == 0) {
                throw new IllegalStateException("the encoder returned no vector for the image");
            }
            return new Result(vectors.getFirst(), null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Result(null, new RejectedException(Stage.EMBED, "image encoder failed: " + e));
        }
    }
}
