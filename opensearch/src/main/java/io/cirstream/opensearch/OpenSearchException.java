package io.cirstream.opensearch;

/** OpenSearch answered with an error status, or could not be reached. */
public final class OpenSearchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public OpenSearchException(int status, String message) {
        super(message);
        this.status = status;
    }

    public OpenSearchException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 when no answer came (connection refused, timeout). */
    public int status() {
        return status;
    }

    /** Worth retrying with back-off: no answer, overload (429) or a server error (5xx). */
    public boolean retriable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
