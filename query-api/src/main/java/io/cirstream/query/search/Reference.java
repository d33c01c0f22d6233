package io.cirstream.query.search;

import java.net.URI;

/** Where the reference image of a composed query comes from. */
public sealed interface Reference {

    /** An indexed image: its stored vector is used as is, nothing is re-encoded. */
    record ById(String id) implements Reference {
    }

    /** Image bytes sent with the request (multipart upload or base64). */
    record Bytes(byte[] data) implements Reference {
    }

    /** An image to fetch; only when URL fetching is enabled and the host is allow-listed. */
    record Url(URI uri) implements Reference {
    }
}
