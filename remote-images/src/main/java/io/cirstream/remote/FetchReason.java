package io.cirstream.remote;

/**
 * Why a fetch failed, as a stable machine-readable {@link #code()} (for dead-letter records and metrics) and
 * whether trying again later can help. Transient reasons are retried and never cost the image; permanent
 * ones will fail the same way every time, so the image goes to the dead letters.
 */
public enum FetchReason {
    /** The whole fetch (connect, headers, body) ran past the time limit, or the connection stalled. */
    TIMEOUT("timeout", true),
    /** No connection could be made (refused, unreachable). */
    CONNECT_FAILED("connect_failed", true),
    /** The connection broke while the request or the body was under way. */
    IO_ERROR("io_error", true),
    /** HTTP 429, or S3's SlowDown/Throttling answers. */
    THROTTLED("throttled", true),
    /** HTTP 5xx (and 408), or an S3 internal error. */
    SERVER_ERROR("server_error", true),
    /** Too many fetches to this host already under way; none freed up within the wait bound. */
    HOST_BUSY("host_busy", true),
    /** The fetching thread was interrupted (shutting down); the image was not looked at. */
    INTERRUPTED("interrupted", true),
    /** The S3 client could not make the call at all (for example no credentials found): a set-up problem that
     *  dropping images would not fix, so they wait for it to be fixed. */
    SDK_ERROR("sdk_error", true),

    NOT_FOUND("not_found", false),
    FORBIDDEN("forbidden", false),
    UNAUTHORIZED("unauthorized", false),
    BAD_REQUEST("bad_request", false),
    /** Any other 4xx answer. */
    CLIENT_ERROR("client_error", false),
    /** A 3xx answer: redirects are not followed, as their target could leave the allow-list. */
    REDIRECTED("redirected", false),
    /** A status that is neither success, redirect nor error (e.g. 204, 206). */
    UNEXPECTED_STATUS("unexpected_status", false),
    TOO_LARGE("too_large", false),
    HOST_NOT_ALLOWED("host_not_allowed", false),
    SCHEME_NOT_ALLOWED("scheme_not_allowed", false),
    MALFORMED_URI("malformed_uri", false);

    private final String code;
    private final boolean transientFailure;

    FetchReason(String code, boolean transientFailure) {
        this.code = code;
        this.transientFailure = transientFailure;
    }

    public String code() {
        return code;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The exception that carries this reason: transient or permanent, as the reason says. */
    public FetchException failure(String message) {
        return failure(message, null);
    }

    public FetchException failure(String message, Throwable cause) {
        return transientFailure ? new TransientFetchException(this, message, cause)
                : new PermanentFetchException(this, message, cause);
    }

    /** The reason an HTTP status other than 200 stands for; S3 answers use the same mapping. */
    public static FetchReason forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404, 410 -> NOT_FOUND;
            case 408 -> TIMEOUT;
            case 429 -> THROTTLED;
            default -> status >= 500 ? SERVER_ERROR
                    : status >= 400 ? CLIENT_ERROR
                    : status >= 300 ? REDIRECTED
                    : UNEXPECTED_STATUS;
        };
    }
}
