package io.cirstream.embedder.stream;

import java.net.URI;

/**
 * A remote image could not be fetched for a reason that may pass (timeout, 429, 5xx, connection refused) even after
 * the configured retries. Nothing is dead-lettered: this exception stops the stream task, its transaction is aborted,
 * and the task is restarted (the embedder replaces the stream thread), so the batch comes back from the changelogged
 * pending store and is fetched again. Like {@link BatchEncoder.EncoderUnavailableException}, it is the source's
 * fault, not the record's.
 */
public final class ImagesUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public ImagesUnavailableException(URI uri, String code, Throwable cause) {
        super("image " + uri + " is unavailable for now (" + code + "); the batch will be fetched again: "
                + cause.getMessage(), cause);
        this.code = code;
    }

    /** The remote-images reason code, e.g. {@code server_error}. */
    public String code() {
        return code;
    }

    /** Whether {@code failure} or one of its causes is this exception (Kafka Streams wraps what a processor throws). */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ImagesUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
