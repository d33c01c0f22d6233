package io.cirstream.query.error;

import java.util.Locale;

/**
 * Every error code the API can answer, with its one HTTP status. The same condition has the same code on
 * every route; docs/query-api.md and the OpenAPI document list exactly these (a test compares them).
 */
public enum ErrorCode {
    BAD_JSON(400), UNKNOWN_FIELD(400), BAD_K(400), UNKNOWN_METHOD(400), MISSING_REFERENCE(400),
    MISSING_TEXT(400), BAD_PARAMETER(400), BAD_REFERENCE(400), AMBIGUOUS_REFERENCE(400), BAD_FILTER(400), TEXT_TOO_LONG(400),
    INVALID_ID(400), BAD_METADATA(400), MISSING_IMAGE(400), CORRUPT_IMAGE(400), UNREADABLE_IMAGE(400),
    METHOD_UNAVAILABLE(400),
    /** The method reads the reference's pixels (patch features): a reference by id has only its stored vector. */
    REFERENCE_PIXELS_REQUIRED(400),
    URL_FETCH_DISABLED(400), URL_NOT_ALLOWED(400), URL_FETCH_FAILED(400),
    /** A malformed request Vert.x refused before our code saw it (e.g. a broken multipart body). */
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    UNKNOWN_IMAGE(404), CONTENT_NOT_AVAILABLE(404), NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    BODY_TOO_LARGE(413), IMAGE_TOO_LARGE(413),
    UNSUPPORTED_IMAGE(415), UNSUPPORTED_MEDIA_TYPE(415),
    /** The request is well-formed but the model maps it to a vector with no direction (zero or not finite). */
    DEGENERATE_QUERY(422),
    /** A bug; the server log has the details. */
    INTERNAL(500),
    OVERLOADED(503), TIMEOUT(503), OPENSEARCH_UNREACHABLE(503), OPENSEARCH_ERROR(503), INDEX_MISSING(503),
    WATCH_FEED_NOT_READY(503), KAFKA_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as it appears on the wire: {@code bad_json}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
