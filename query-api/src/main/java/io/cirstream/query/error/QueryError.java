package io.cirstream.query.error;

/**
 * A failure the API reports to its caller: a stable machine-readable {@link #code()}, a message that says
 * what to fix, and a {@link Kind} the HTTP layer maps to a status. Anything else reaching the HTTP layer is
 * a bug and becomes a 500.
 */
public final class QueryError extends RuntimeException {

    public enum Kind { BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, TOO_LARGE, UNSUPPORTED_MEDIA, OVERLOADED, UNAVAILABLE }

    private final Kind kind;
    private final String code;

    private QueryError(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static QueryError badRequest(String code, String message) {
        return new QueryError(Kind.BAD_REQUEST, code, message);
    }

    public static QueryError unauthorized(String message) {
        return new QueryError(Kind.UNAUTHORIZED, "unauthorized", message);
    }

    public static QueryError notFound(String code, String message) {
        return new QueryError(Kind.NOT_FOUND, code, message);
    }

    public static QueryError tooLarge(String code, String message) {
        return new QueryError(Kind.TOO_LARGE, code, message);
    }

    public static QueryError unsupportedMedia(String code, String message) {
        return new QueryError(Kind.UNSUPPORTED_MEDIA, code, message);
    }

    public static QueryError overloaded(String message) {
        return new QueryError(Kind.OVERLOADED, "overloaded", message);
    }

    public static QueryError unavailable(String code, String message) {
        return new QueryError(Kind.UNAVAILABLE, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
