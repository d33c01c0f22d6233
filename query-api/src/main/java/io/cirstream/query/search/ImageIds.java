package io.cirstream.query.search;

import io.cirstream.ingest.event.GalleryEvent;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;

import java.nio.charset.StandardCharsets;

/**
 * The id rule at the API edge: the shared {@link GalleryEvent#checkId} rule, plus the two limits OpenSearch
 * and HTTP impose on every id the API passes on: at most {@value #MAX_ID_BYTES} UTF-8 bytes (OpenSearch's
 * {@code _id} limit; longer ids were answered 431/503 by the index) and no control characters.
 * A bad id is {@code 400 invalid_id} on every route.
 */
public final class ImageIds {
    /** OpenSearch refuses a document {@code _id} over 512 bytes. */
    public static final int MAX_ID_BYTES = 512;

    private ImageIds() {
    }

    /** Returns {@code id} when it is valid; throws {@code 400 invalid_id} naming what is wrong. */
    public static String check(String field, String id) {
        try {
            GalleryEvent.checkId(id);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ID_BYTES) {
            throw invalid(field, "id is " + bytes + " UTF-8 bytes, the limit is " + MAX_ID_BYTES);
        }
        if (id.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            throw invalid(field, "id contains a control character or an invalid UTF-8 sequence");
        }
        return id;
    }

    private static QueryError invalid(String field, String message) {
        return QueryError.of(ErrorCode.INVALID_ID, field + ": " + message);
    }
}
