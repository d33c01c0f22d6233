package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;

/**
 * TIFF's LZW (TIFF 6.0 section 13): codes of 9 to 12 bits, most significant bit first, 256 clears the table,
 * 257 ends the strip, and the code width grows one code early. Output stops at the caller's buffer size.
 */
final class Lzw {
  private static final int CLEAR = 256;
  private static final int END = 257;
  private static final int FIRST_FREE = 258;
  private static final int TABLE = 4096;

  private final byte[] in;
  private long bitPos;
  private final int[] prefix = new int[TABLE];
  private final byte[] last = new byte[TABLE];
  private final byte[] first = new byte[TABLE];
  private final int[] length = new int[TABLE];

  private Lzw(byte[] in) {
    this.in = in;
    for (int i = 0; i < 256; i++) {
      last[i] = (byte) i;
      first[i] = (byte) i;
      length[i] = 1;
    }
  }

  static int decode(byte[] in, byte[] out) throws GeoTiffException {
    return new Lzw(in).run(out);
  }

  private int run(byte[] out) throws GeoTiffException {
    int n = 0;
    int next = FIRST_FREE;
    int width = 9;
    int previous = -1;
    while (n < out.length) {
      int code = read(width);
      if (code < 0 || code == END) {
        break;
      }
      if (code == CLEAR) {
        next = FIRST_FREE;
        width = 9;
        previous = -1;
        continue;
      }
      if (previous < 0) {
        if (code >= 256) {
          throw new GeoTiffException(Reason.CORRUPT, "LZW code " + code + " right after a clear");
        }
        n = emit(code, out, n);
        previous = code;
        continue;
      }
      if (code > next || next >= TABLE) {
        throw new GeoTiffException(Reason.CORRUPT, "LZW code " + code + " beyond the table (" + next + ")");
      }
      prefix[next] = previous;
      first[next] = first[previous];
      last[next] = code == next ? first[previous] : first[code];
      length[next] = length[previous] + 1;
      next++;
      n = emit(code, out, n);
      previous = code;
      if (next == (1 << width) - 1 && width < 12) {
        width++;
      }
    }
    return n;
  }

  /** Writes the string of {@code code} (walking its prefixes backwards); what does not fit is dropped. */
  private int emit(int code, byte[] out, int at) {
    int len = length[code];
    int c = code;
    for (int i = len - 1; i >= 0; i--) {
      if (at + i < out.length) {
        out[at + i] = last[c];
      }
      c = prefix[c];
    }
    return Math.min(out.length, at + len);
  }

  private int read(int width) {
    if (bitPos + width > (long) in.length * 8) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < width; i++) {
      long p = bitPos + i;
      v = (v << 1) | ((in[(int) (p >>> 3)] >> (7 - (int) (p & 7))) & 1);
    }
    bitPos += width;
    return v;
  }
}
