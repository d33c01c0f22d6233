package io.cirstream.geotiff;

/**
 * A tile that cannot be read, with the {@link Reason} a caller can route on (a dead-letter reason, an HTTP status)
 * and a message naming the offending field or offset. Every hostile or damaged input ends here, never in an
 * {@link OutOfMemoryError}, an index exception or an endless loop.
 */
public final class GeoTiffException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a tile was refused. */
  public enum Reason {
    /** Not a TIFF at all (bad magic bytes). */
    NOT_TIFF,
    /** The file ends before a structure or pixel block it declares. */
    TRUNCATED,
    /** An offset, count or value that no valid file has (IFD loops, zero sizes, inconsistent block tables). */
    CORRUPT,
    /** Valid TIFF, but a layout, compression or sample type this reader does not decode. */
    UNSUPPORTED,
    /** Declared dimensions over {@link TileOptions#maxSamples()}. */
    TOO_LARGE,
    /** More bytes than the caller's limit (an upload's, an event's): refused before anything is parsed. */
    TOO_MANY_BYTES,
    /** More pixels than the caller's limit: refused from the header, before any pixel block is read. */
    TOO_MANY_PIXELS,
    /** The requested band selection does not fit this file (e.g. band 4 of a 3-band tile). */
    BAD_BANDS
  }

  private final Reason reason;

  public GeoTiffException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
