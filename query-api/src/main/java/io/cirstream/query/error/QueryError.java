package io.cirstream.query.error;

/**
 * A failure the API reports to its caller: a stable machine-readable {@link ErrorCode} (which fixes the HTTP
 * status) and a message that says what to fix. Anything else reaching the HTTP layer is a bug and becomes a 500.
 */
public final class QueryError extends RuntimeException {
    private static final long serialVersionUID = 1L;


    private final ErrorCode code;

    private QueryError(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static QueryError of(ErrorCode code, String message) {
        return new QueryError(code, message);
    }

    public static QueryError overloaded(String message) {
        return of(ErrorCode.OVERLOADED, message);
    }

    public ErrorCode errorCode() {
        return code;
    }

    /** The wire name of the code, e.g. {@code bad_json}. */
    public String code() {
        return code.wireName();
    }

    public int status() {
        return code.status();
    }
}
