package io.cirstream.remote;

/** Every try will fail the same way: the image belongs in the dead letters. */
public final class PermanentFetchException extends FetchException {
    private static final long serialVersionUID = 1L;

    PermanentFetchException(FetchReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
