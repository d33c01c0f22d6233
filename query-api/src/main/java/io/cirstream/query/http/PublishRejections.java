package io.cirstream.query.http;

import io.cirstream.publisher.PublishResult;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;

/**
 * Maps the publisher's refusal reasons to API errors, with the same codes {@code /v1/search} uses for the
 * same condition (an image too large is {@code image_too_large} on every route).
 */
final class PublishRejections {

    private PublishRejections() {
    }

    static QueryError toError(PublishResult.Rejected rejected) {
        ErrorCode code = switch (rejected.reason()) {
            case TOO_MANY_BYTES, TOO_MANY_PIXELS -> ErrorCode.IMAGE_TOO_LARGE;
            case UNSUPPORTED -> ErrorCode.UNSUPPORTED_IMAGE;
            case CORRUPT -> ErrorCode.CORRUPT_IMAGE;
            case INVALID_ID -> ErrorCode.INVALID_ID;
            case INVALID_METADATA -> ErrorCode.BAD_METADATA;
            case NOT_FOUND, NOT_ALLOWED, UNREADABLE, MALFORMED_ENTRY -> ErrorCode.UNREADABLE_IMAGE;
            case SEND_FAILED -> ErrorCode.KAFKA_UNAVAILABLE;
            case FAILED -> ErrorCode.INTERNAL;
        };
        String message = code == ErrorCode.KAFKA_UNAVAILABLE
                ? "Kafka did not accept the record: " + rejected.message() : rejected.message();
        return QueryError.of(code, message);
    }
}
