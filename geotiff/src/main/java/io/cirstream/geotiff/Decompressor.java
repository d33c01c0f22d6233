package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes one compressed block into exactly the bytes the layout expects. The output size is fixed before
 * decoding starts, so a decompression bomb stops at that size instead of growing.
 */
final class Decompressor {
  static final int NONE = 1;
  static final int LZW = 5;
  static final int DEFLATE = 8;
  static final int DEFLATE_OLD = 32946;
  static final int PACKBITS = 32773;

  private Decompressor() {
  }

  static void checkSupported(int compression) throws GeoTiffException {
    switch (compression) {
      case NONE, LZW, DEFLATE, DEFLATE_OLD, PACKBITS -> { }
      default -> throw new GeoTiffException(Reason.UNSUPPORTED,
          "Compression " + compression + " (none, LZW, DEFLATE and PackBits are read)");
    }
  }

  static byte[] decode(int compression, byte[] raw, int expected) throws GeoTiffException {
    byte[] out = new byte[expected];
    int written = switch (compression) {
      case NONE -> copy(raw, out);
      case LZW -> Lzw.decode(raw, out);
      case DEFLATE, DEFLATE_OLD -> inflate(raw, out);
      case PACKBITS -> unpackBits(raw, out);
      default -> throw new GeoTiffException(Reason.UNSUPPORTED, "Compression " + compression);
    };
    if (written < expected) {
      throw new GeoTiffException(Reason.TRUNCATED, "block decodes to " + written + " of " + expected + " bytes");
    }
    return out;
  }

  private static int copy(byte[] raw, byte[] out) {
    int n = Math.min(raw.length, out.length);
    System.arraycopy(raw, 0, out, 0, n);
    return n;
  }

  private static int inflate(byte[] raw, byte[] out) throws GeoTiffException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(raw);
      int n = 0;
      while (n < out.length && !inflater.finished()) {
        int got = inflater.inflate(out, n, out.length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      return n;
    } catch (DataFormatException e) {
      throw new GeoTiffException(Reason.CORRUPT, "DEFLATE block: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  /** PackBits (Apple's run-length code): a signed header byte says copy n+1 bytes or repeat one byte 1-n times. */
  private static int unpackBits(byte[] raw, byte[] out) {
    int in = 0;
    int n = 0;
    while (in < raw.length && n < out.length) {
      int header = raw[in++];
      if (header >= 0) {
        int len = Math.min(Math.min(header + 1, raw.length - in), out.length - n);
        System.arraycopy(raw, in, out, n, len);
        in += header + 1;
        n += len;
      } else if (header != -128 && in < raw.length) {
        int len = Math.min(1 - header, out.length - n);
        Arrays.fill(out, n, n + len, raw[in++]);
        n += len;
      }
    }
    return n;
  }
}
