package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

/** A record the embedder refuses; it goes to the dead-letter topic with {@link #stage()} and the message. */
public final class RejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DeadLetterStage stage;

    public RejectedException(DeadLetterStage stage, String reason) {
        super(reason);
        this.stage = stage;
    }

    /**
     * A failure nobody anticipated while handling one record (a parser's unchecked exception, an image decoder
     * running out of memory or stack on one crafted file): still that record's problem, so still a dead letter.
     */
    public static RejectedException unexpected(DeadLetterStage stage, Throwable failure) {
        return new RejectedException(stage, "unexpected failure: " + failure);
    }

    public DeadLetterStage stage() {
        return stage;
    }
}
