package io.cirstream.contract.event;

import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The validation rules of a gallery event, in one place. The records ({@link GalleryEvent}, {@link ImageRef},
 * {@link ImageMetadata}) call them in their constructors and {@link GalleryEventCodec} in decoding, so every
 * edge that builds or reads an event (the ingest CLI, the replay, {@code POST /v1/images}, the embedder) applies
 * the same rules. Each rule throws {@link InvalidFieldException} (an {@link IllegalArgumentException}) naming the
 * field, with a message that starts with it.
 * docs/validation.md lists them with their limits and messages; keep the two in step.
 */
public final class EventRules {
    /** OpenSearch refuses a document {@code _id} longer than 512 bytes, and with it the whole bulk request. */
    public static final int MAX_ID_BYTES = 512;
    /** 9999-12-31T23:59:59.999Z: the last instant every date parser downstream (OpenSearch, ISO-8601) reads. */
    public static final long MAX_EVENT_TIME = 253_402_300_799_999L;
    /**
     * How far ahead of the reader's clock an event time may be. The event time is the document's external version
     * in the index, so a far-future time would lock the image against every later update; five minutes covers
     * ordinary clock skew between producers (the same tolerance Kerberos uses).
     */
    public static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);
    public static final int MAX_URI_LENGTH = 8192;
    public static final int MAX_CONTENT_TYPE_LENGTH = 255;

    private EventRules() {
    }

    /** An image id: non-blank, at most {@link #MAX_ID_BYTES} UTF-8 bytes, no control characters, no padding. */
    public static void checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidFieldException("id", "id must be a non-blank string");
        }
        checkCharacters("id", id, false);
        if (!id.equals(id.strip())) {
            throw new InvalidFieldException("id", "id has leading or trailing whitespace: '" + printable(id) + "'");
        }
        long bytes = utf8Length(id);
        if (bytes > MAX_ID_BYTES) {
            throw new InvalidFieldException("id", "id is " + bytes + " bytes in UTF-8, the limit is " + MAX_ID_BYTES
                    + " (OpenSearch's _id limit)");
        }
    }

    /** An event time that any reader accepts: epoch milliseconds in [0, {@link #MAX_EVENT_TIME}]. */
    public static void checkEventTime(long eventTime) {
        if (eventTime < 0 || eventTime > MAX_EVENT_TIME) {
            throw new InvalidFieldException("eventTime", "eventTime must be epoch milliseconds >= 0 and <= " + MAX_EVENT_TIME
                    + " (9999-12-31T23:59:59.999Z), got " + eventTime);
        }
    }

    /**
     * An event time not more than {@link #MAX_FUTURE_SKEW} ahead of {@code clock}. Checked where events are read
     * ({@link GalleryEventCodec#decode}) and may be called wherever a client supplies a time.
     */
    public static void checkNotFuture(long eventTime, Clock clock) {
        long now = clock.millis();
        if (eventTime > now + MAX_FUTURE_SKEW.toMillis()) {
            throw new InvalidFieldException("eventTime", "eventTime " + eventTime + " (" + Instant.ofEpochMilli(eventTime)
                    + ") is more than " + MAX_FUTURE_SKEW.toMinutes() + " minutes ahead of the clock (now "
                    + Instant.ofEpochMilli(now) + "); a future time would lock the image against updates until then");
        }
    }

    /**
     * An image URI: absolute, bounded; a {@code file:} URI must name a local absolute path
     * ({@code file:///dir/image.png}) so that {@link Path#of(URI)} never throws on it.
     */
    public static void checkUri(URI uri) {
        if (!uri.isAbsolute()) {
            throw new InvalidFieldException("uri", "image uri must be absolute (have a scheme): " + uri);
        }
        if (uri.toString().length() > MAX_URI_LENGTH) {
            throw new InvalidFieldException("uri", "image uri is " + uri.toString().length() + " characters, the limit is "
                    + MAX_URI_LENGTH);
        }
        if (uri.getScheme().toLowerCase(Locale.ROOT).equals("file")) {
            checkFileUri(uri);
        }
    }

    private static void checkFileUri(URI uri) {
        try {
            localPath(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("uri", "image uri is not a local file path (" + e.getMessage() + "): "
                    + printable(uri.toString()) + "; write file:///absolute/path/to/image");
        }
    }

    /**
     * The local path a {@code file:} URI names, or {@link IllegalArgumentException} saying what is wrong with it: the
     * one rule the event edges and the embedder's reader share, so no accepted URI can make {@link Path#of(URI)} throw.
     */
    public static Path localPath(URI uri) {
        String problem = fileUriProblem(uri);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
    }

    private static String fileUriProblem(URI uri) {
        if (uri.isOpaque()) {
            return "opaque, no '/' after 'file:'";
        }
        if (uri.getRawAuthority() != null) {
            return "has a host or authority '" + uri.getRawAuthority() + "'";
        }
        if (uri.getRawQuery() != null) {
            return "has a query";
        }
        if (uri.getRawFragment() != null) {
            return "has a fragment";
        }
        String path = uri.getPath();
        if (path == null || path.isEmpty()) {
            return "has no path";
        }
        if (path.indexOf('\0') >= 0) {
            return "path contains a NUL character";
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return "path has a '" + segment + "' segment";
            }
        }
        return null;
    }

    /** A media type such as {@code image/png}: bounded, printable. */
    public static void checkContentType(String contentType) {
        if (contentType != null) {
            checkText("contentType", contentType, MAX_CONTENT_TYPE_LENGTH, false);
        }
    }

    /**
     * Free text: at most {@code maxLength} characters, valid UTF-16 (no unpaired surrogate), no control or
     * line-separator characters; {@code multiline} admits tab, line feed and carriage return.
     */
    public static void checkText(String field, String value, int maxLength, boolean multiline) {
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, field + " is " + value.length() + " characters, the limit is "
                    + maxLength);
        }
        checkCharacters(field, value, multiline);
    }

    private static void checkCharacters(String field, String value, boolean multiline) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isSurrogate((char) cp) && cp <= Character.MAX_VALUE) {
                throw new InvalidFieldException(field, field + " contains an unpaired surrogate U+"
                        + hex(cp) + " at index " + i + " (not valid Unicode)");
            }
            if (refused(cp, multiline)) {
                throw new InvalidFieldException(field, field + " contains the control character U+" + hex(cp)
                        + " at index " + i);
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean refused(int cp, boolean multiline) {
        if (multiline && (cp == '\t' || cp == '\n' || cp == '\r')) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return bytes;
    }

    private static String hex(int cp) {
        return String.format("%04X", cp);
    }

    /** {@code s} for an error message: control characters escaped, long values shortened. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(cp -> {
            if (refused(cp, false) || Character.isSurrogate((char) cp) && cp <= Character.MAX_VALUE) {
                out.append("\\u").append(hex(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return s.codePoints().count() > 80 ? out + "..." : out.toString();
    }
}
