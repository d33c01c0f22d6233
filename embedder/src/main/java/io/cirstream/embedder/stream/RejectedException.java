package io.cirstream.embedder.stream;

/** A record the embedder refuses; it goes to the dead-letter topic with {@link #stage()} and the message. */
public final class RejectedException extends Exception {
    private final Stage stage;

    public RejectedException(Stage stage, String reason) {
        super(reason);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
