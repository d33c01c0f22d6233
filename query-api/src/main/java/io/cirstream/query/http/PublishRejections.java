package io.cirstream.query.http;

import io.cirstream.ingest.publish.PublishResult;
import io.cirstream.query.error.QueryError;

import java.util.Locale;

/** Maps the publisher's refusal reasons to API errors with the matching status. */
final class PublishRejections {

    private PublishRejections() {
    }

    static QueryError toError(PublishResult.Rejected rejected) {
        String code = rejected.reason().name().toLowerCase(Locale.ROOT);
        return switch (rejected.reason()) {
            case TOO_MANY_BYTES, TOO_MANY_PIXELS -> QueryError.tooLarge(code, rejected.message());
            case UNSUPPORTED -> QueryError.unsupportedMedia(code, rejected.message());
            case SEND_FAILED -> QueryError.unavailable(code, "Kafka did not accept the record: " + rejected.message());
            case NOT_FOUND -> QueryError.notFound(code, rejected.message());
            default -> QueryError.badRequest(code, rejected.message());
        };
    }
}
