package io.cirstream.query.search;

import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;


/**
 * The id rule at the API edge: the shared {@link GalleryEvent#checkId} rule (at most 512 UTF-8 bytes, OpenSearch's
 * {@code _id} limit; no control characters; docs/validation.md), plus one thing only HTTP brings: a path or form
 * value that was not valid UTF-8 arrives with U+FFFD in its place, and such an id is refused rather than guessed.
 * A bad id is {@code 400 invalid_id} on every route.
 */
public final class ImageIds {

    private ImageIds() {
    }

    /** Returns {@code id} when it is valid; throws {@code 400 invalid_id} naming what is wrong. */
    public static String check(String field, String id) {
        try {
            GalleryEvent.checkId(id);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
        if (id.indexOf('\uFFFD') >= 0) {
            throw invalid(field, "id contains an invalid UTF-8 sequence (U+FFFD)");
        }
        return id;
    }

    private static QueryError invalid(String field, String message) {
        return QueryError.of(ErrorCode.INVALID_ID, field + ": " + message);
    }
}
