package io.cirstream.ingest.replay;

/**
 * A replay found too little to publish (no gallery image, or more problems than its bound allows). Nothing after
 * the check was published and no receipt was written, so an evaluator keeps seeing the last good replay.
 */
public final class ReplayFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;


    public ReplayFailedException(String message) {
        super(message);
    }
}
