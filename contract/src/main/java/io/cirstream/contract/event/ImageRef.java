package io.cirstream.contract.event;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the image bytes are: either carried in the event ({@code inline}) or referenced by {@code uri}.
 * Exactly one of the two is set. Inline bytes are bounded so that an event stays a sensible Kafka record;
 * larger images travel by reference.
 *
 * @param contentType the sniffed media type (e.g. {@code image/png}), or null when unknown
 */
public record ImageRef(byte[] inline, URI uri, String contentType) {

    /** Absolute ceiling for inline bytes; publishers normally switch to a URI far below it. */
    public static final int MAX_INLINE_BYTES = 8 * 1024 * 1024;

    public ImageRef {
        if ((inline == null) == (uri == null)) {
            throw new IllegalArgumentException("exactly one of inline bytes or uri must be set");
        }
        if (inline != null && inline.length == 0) {
            throw new IllegalArgumentException("inline image bytes are empty");
        }
        if (inline != null && inline.length > MAX_INLINE_BYTES) {
            throw new IllegalArgumentException("inline image is " + inline.length + " bytes, the limit is "
                    + MAX_INLINE_BYTES + "; reference it by uri instead");
        }
        if (uri != null) {
            EventRules.checkUri(uri);
        }
        EventRules.checkContentType(contentType);
        inline = inline == null ? null : inline.clone();
    }

    public static ImageRef inline(byte[] bytes, String contentType) {
        return new ImageRef(bytes, null, contentType);
    }

    public static ImageRef uri(URI uri, String contentType) {
        return new ImageRef(null, uri, contentType);
    }

    public boolean isInline() {
        return inline != null;
    }

    @Override
    public byte[] inline() {
        return inline == null ? null : inline.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRef other && Arrays.equals(inline, other.inline)
                && Objects.equals(uri, other.uri) && Objects.equals(contentType, other.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(inline) + Objects.hashCode(uri)) + Objects.hashCode(contentType);
    }

    @Override
    public String toString() {
        String where = inline != null ? "inline " + inline.length + " bytes" : "uri " + uri;
        return "ImageRef[" + where + ", contentType=" + contentType + "]";
    }
}
