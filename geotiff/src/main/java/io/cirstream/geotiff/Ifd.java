package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One image file directory: the values of the tags in {@link Tag#READ}, and the offset of the next directory.
 * Values are materialised only for those tags and only after their byte range is checked against the file, so a
 * declared count of four billion costs nothing.
 */
final class Ifd {
  private final Map<Integer, long[]> integers = new HashMap<>();
  private final Map<Integer, double[]> reals = new HashMap<>();
  private final Map<Integer, String> texts = new HashMap<>();
  private final long next;

  private Ifd(TiffBytes bytes, long offset) throws GeoTiffException {
    boolean big = bytes.bigTiff();
    long entries = big ? bytes.u64(offset) : bytes.u16(offset);
    int entrySize = big ? 20 : 12;
    long first = offset + (big ? 8 : 2);
    bytes.check(first, entries * entrySize + (big ? 8 : 4), "IFD with " + entries + " entries");
    for (long i = 0; i < entries; i++) {
      readEntry(bytes, first + i * entrySize);
    }
    long nextAt = first + entries * entrySize;
    next = big ? bytes.u64(nextAt) : bytes.u32(nextAt);
  }

  static Ifd at(TiffBytes bytes, long offset) throws GeoTiffException {
    return new Ifd(bytes, offset);
  }

  long next() {
    return next;
  }

  private void readEntry(TiffBytes bytes, long at) throws GeoTiffException {
    int tag = bytes.u16(at);
    if (!Tag.READ.contains(tag)) {
      return;
    }
    int type = bytes.u16(at + 2);
    int size = typeSize(type);
    if (size == 0) {
      return; // an unknown field type: the TIFF spec says readers skip it
    }
    boolean big = bytes.bigTiff();
    long count = big ? bytes.u64(at + 4) : bytes.u32(at + 4);
    long valueAt = at + (big ? 12 : 8);
    long total = count * size;
    if (count > bytes.length()) {
      throw new GeoTiffException(Reason.TRUNCATED, "tag " + tag + " declares " + count + " values");
    }
    long dataAt = total <= (big ? 8 : 4) ? valueAt : (big ? bytes.u64(valueAt) : bytes.u32(valueAt));
    bytes.check(dataAt, total, "tag " + tag);
    int n = (int) count;
    switch (type) {
      case 2 -> texts.put(tag, ascii(bytes, dataAt, n));
      case 5, 10, 11, 12 -> reals.put(tag, readReals(bytes, type, dataAt, n));
      default -> integers.put(tag, readIntegers(bytes, type, dataAt, n));
    }
  }

  private static int typeSize(int type) {
    return switch (type) {
      case 1, 2, 6, 7 -> 1;
      case 3, 8 -> 2;
      case 4, 9, 11 -> 4;
      case 5, 10, 12, 16, 17, 18 -> 8;
      default -> 0;
    };
  }

  private static long[] readIntegers(TiffBytes bytes, int type, long at, int n) throws GeoTiffException {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = switch (type) {
        case 1, 7 -> bytes.u8(at + i);
        case 6 -> (byte) bytes.u8(at + i);
        case 3 -> bytes.u16(at + 2L * i);
        case 8 -> (short) bytes.u16(at + 2L * i);
        case 4 -> bytes.u32(at + 4L * i);
        case 9 -> (int) bytes.u32(at + 4L * i);
        default -> bytes.u64(at + 8L * i);
      };
    }
    return out;
  }

  private static double[] readReals(TiffBytes bytes, int type, long at, int n) throws GeoTiffException {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = switch (type) {
        case 5 -> (double) bytes.u32(at + 8L * i) / bytes.u32(at + 8L * i + 4);
        case 10 -> (double) (int) bytes.u32(at + 8L * i) / (int) bytes.u32(at + 8L * i + 4);
        case 11 -> Float.intBitsToFloat((int) bytes.u32(at + 4L * i));
        default -> readDouble(bytes, at + 8L * i);
      };
    }
    return out;
  }

  private static double readDouble(TiffBytes bytes, long at) throws GeoTiffException {
    long a = bytes.u32(at);
    long b = bytes.u32(at + 4);
    long bits = bytes.order() == ByteOrder.LITTLE_ENDIAN ? (b << 32) | a : (a << 32) | b;
    return Double.longBitsToDouble(bits);
  }

  private static String ascii(TiffBytes bytes, long at, int n) throws GeoTiffException {
    byte[] raw = bytes.slice(at, n, "ASCII value");
    int end = 0;
    while (end < raw.length && raw[end] != 0) {
      end++;
    }
    return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
  }

  boolean has(int tag) {
    return integers.containsKey(tag) || reals.containsKey(tag) || texts.containsKey(tag);
  }

  /** Integer values of a tag; absent when the tag is missing or not of an integer type. */
  Optional<long[]> integers(int tag) {
    return Optional.ofNullable(integers.get(tag));
  }

  long integer(int tag, long fallback) {
    long[] v = integers.get(tag);
    return v == null || v.length == 0 ? fallback : v[0];
  }

  /** Real values of a tag (integer-typed values widened). */
  Optional<double[]> reals(int tag) {
    double[] r = reals.get(tag);
    if (r != null) {
      return Optional.of(r);
    }
    long[] l = integers.get(tag);
    if (l == null) {
      return Optional.empty();
    }
    double[] out = new double[l.length];
    for (int i = 0; i < l.length; i++) {
      out[i] = l[i];
    }
    return Optional.of(out);
  }

  Optional<String> text(int tag) {
    return Optional.ofNullable(texts.get(tag));
  }
}
