package io.cirstream.remote;

/**
 * A remote image could not be fetched. Exactly two kinds, so a caller's decision is total: retry a
 * {@link TransientFetchException}, dead-letter a {@link PermanentFetchException}.
 */
public abstract sealed class FetchException extends Exception
        permits TransientFetchException, PermanentFetchException {
    private static final long serialVersionUID = 1L;

    private final FetchReason reason;

    FetchException(FetchReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FetchReason reason() {
        return reason;
    }

    /** The stable machine-readable reason, e.g. {@code not_found}. */
    public String code() {
        return reason.code();
    }
}
