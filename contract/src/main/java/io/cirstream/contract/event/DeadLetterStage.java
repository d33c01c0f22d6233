package io.cirstream.contract.event;

import java.util.Locale;

/** Where in the embedder a record was refused; written to the dead letter's stage header in lower case. */
public enum DeadLetterStage {
    /** The gallery event is not valid JSON / schema, or its key does not match its id. */
    DECODE,
    /** The image bytes could not be read (missing file, URI outside the allowed roots, unsupported scheme). */
    FETCH,
    /** The bytes are not a decodable image or exceed the configured limits. */
    IMAGE,
    /** The model failed on this image even when run alone. */
    EMBED,
    /** OpenSearch refused the document for a reason other than a version conflict. */
    INDEX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
