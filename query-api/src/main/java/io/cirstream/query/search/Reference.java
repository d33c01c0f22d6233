package io.cirstream.query.search;

import java.net.URI;

/** Where the reference image of a composed query comes from. */
public sealed interface Reference {

    /**
     * An indexed image: its stored vector is used as is, nothing is re-encoded.
     *
     * @param collection the image's collection, or null for the live gallery's image with this id, else the only
     *                   collection holding it (the same id may be in several: {@code GalleryStore#document})
     */
    record ById(String id, String collection) implements Reference {
        public ById(String id) {
            this(id, null);
        }
    }

    /** Image bytes sent with the request (multipart upload or base64). */
    record Bytes(byte[] data) implements Reference {
    }

    /** An image to fetch; only when URL fetching is enabled and the host is allow-listed. */
    record Url(URI uri) implements Reference {
    }
}
