package io.cirstream.imaging;

/** An image refused before or while decoding; {@link #reason()} is the machine-readable cause. */
public final class ImageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;


    public enum Reason {
        /** The bytes claim a known format but cannot be read (truncated, damaged, inconsistent header). */
        CORRUPT,
        /** Not an image, or an image format this system does not decode. */
        UNSUPPORTED,
        TOO_MANY_BYTES,
        /** The header declares more pixels than allowed; refused before any pixel memory is allocated. */
        TOO_MANY_PIXELS,
        /** A referenced file that does not exist. */
        NOT_FOUND,
        /** A referenced file outside the allowed roots, or a URI this process may not read. */
        NOT_ALLOWED,
        /** A referenced file that exists but cannot be read. */
        UNREADABLE
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** {@code REASON: message}, the form used in reports and dead-letter headers. */
    public String describe() {
        return reason + ": " + getMessage();
    }
}
