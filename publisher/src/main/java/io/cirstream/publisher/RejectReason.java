package io.cirstream.publisher;

import io.cirstream.imaging.ImageRejectedException;

/** Why a submission was not published; stable codes for reports, HTTP errors and tests. */
public enum RejectReason {
    NOT_FOUND,
    /** A file outside the allowed roots, or a URI scheme that is not allow-listed. */
    NOT_ALLOWED,
    UNREADABLE,
    CORRUPT,
    UNSUPPORTED,
    TOO_MANY_BYTES,
    TOO_MANY_PIXELS,
    INVALID_ID,
    INVALID_METADATA,
    /** A image list line that cannot be parsed, or lacks the image's location. */
    MALFORMED_ENTRY,
    /** Validated, but Kafka did not acknowledge the record. */
    SEND_FAILED,
    /** An unexpected error while validating or sending; the message carries it. */
    FAILED;

    static RejectReason of(ImageRejectedException.Reason reason) {
        return switch (reason) {
            case CORRUPT -> CORRUPT;
            case UNSUPPORTED -> UNSUPPORTED;
            case TOO_MANY_BYTES -> TOO_MANY_BYTES;
            case TOO_MANY_PIXELS -> TOO_MANY_PIXELS;
            case NOT_FOUND -> NOT_FOUND;
            case NOT_ALLOWED -> NOT_ALLOWED;
            case UNREADABLE -> UNREADABLE;
        };
    }
}
