package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

import io.cirstream.model.ImageEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the image encoder on a batch. If the batch fails, each image is retried alone, so one image the model
 * chokes on becomes one dead letter instead of failing (and endlessly retrying) the whole batch. Before blaming an
 * image, the encoder must still encode a plain canary image: if it cannot, the fault is the encoder's or the
 * device's (out of memory, a lost GPU), no record is dead-lettered, and {@link EncoderUnavailableException} stops the
 * task so that its batch is encoded again after a restart instead of being thrown away.
 */
final class BatchEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(BatchEncoder.class);

    /** Either a vector or the reason the model refused the image. */
    record Result(float[] vector, RejectedException failure) {
    }

    private static final int CANARY_SIZE = 32;

    private final ImageEncoder encoder;
    private final BufferedImage canary = canary();

    BatchEncoder(ImageEncoder encoder) {
        this.encoder = encoder;
    }

    /** The encoder failed on a plain image too: nothing in the batch is to blame. */
    static final class EncoderUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EncoderUnavailableException(Throwable cause) {
            super("the image encoder fails on a plain canary image too, so it is the encoder or its device that "
                    + "fails, not the batch's images; stopping instead of dead-lettering them: " + cause, cause);
        }
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
            if (results.stream().anyMatch(r -> r.failure() != null)) {
                requireHealthyEncoder();
            }
            return results;
        }
    }

    private void requireHealthyEncoder() {
        try {
            encoder.encode(List.of(canary));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new EncoderUnavailableException(e);
        }
    }

    private static BufferedImage canary() {
        BufferedImage image = new BufferedImage(CANARY_SIZE, CANARY_SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < CANARY_SIZE; y++) {
            for (int x = 0; x < CANARY_SIZE; x++) {
                image.setRGB(x, y, 0x808080);
            }
        }
        return image;
    }

    private Result encodeAlone(BufferedImage image) {
        try {
            List<float[]> vectors = encoder.encode(List.of(image));
            if (vectors.size() != 1 || vectors.getFirst() == null || vectors.getFirst().length == 0) {
                throw new IllegalStateException("the encoder returned no vector for the image");
            }
            return new Result(vectors.getFirst(), null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Result(null, new RejectedException(DeadLetterStage.EMBED, "image encoder failed: " + e));
        }
    }
}
