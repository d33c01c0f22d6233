package io.cirstream.remote;

/** Trying again later may succeed: the image must not be dropped. */
public final class TransientFetchException extends FetchException {
    private static final long serialVersionUID = 1L;

    TransientFetchException(FetchReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
