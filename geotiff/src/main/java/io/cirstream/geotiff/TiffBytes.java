package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;
import java.nio.ByteOrder;

/**
 * The file's bytes with its byte order; every read checks its range first, so a bad offset becomes
 * {@link Reason#TRUNCATED} instead of an index exception.
 */
final class TiffBytes {
  private final byte[] data;
  private final ByteOrder order;
  private final boolean bigTiff;

  private TiffBytes(byte[] data, ByteOrder order, boolean bigTiff) {
    this.data = data;
    this.order = order;
    this.bigTiff = bigTiff;
  }

  /** Reads the header: byte order mark, then 42 (classic) or 43 (BigTIFF). */
  static TiffBytes of(byte[] data) throws GeoTiffException {
    if (!GeoTiffReader.isTiff(data)) {
      throw new GeoTiffException(Reason.NOT_TIFF, "no TIFF byte-order mark and magic number");
    }
    ByteOrder order = data[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    TiffBytes probe = new TiffBytes(data, order, false);
    boolean big = probe.u16(2) == 43;
    if (big && (probe.u16(4) != 8 || probe.u16(6) != 0)) {
      throw new GeoTiffException(Reason.UNSUPPORTED, "BigTIFF with an offset size other than 8");
    }
    return new TiffBytes(data, order, big);
  }

  ByteOrder order() {
    return order;
  }

  boolean bigTiff() {
    return bigTiff;
  }

  long length() {
    return data.length;
  }

  /** Offset of the first IFD, from the header. */
  long firstIfd() throws GeoTiffException {
    return bigTiff ? u64(8) : u32(4);
  }

  void check(long offset, long size, String what) throws GeoTiffException {
    if (offset < 0 || size < 0 || offset > data.length || size > data.length - offset) {
      throw new GeoTiffException(Reason.TRUNCATED,
          what + " at offset " + offset + " (" + size + " bytes) lies outside the " + data.length + "-byte file");
    }
  }

  int u8(long offset) throws GeoTiffException {
    check(offset, 1, "byte");
    return data[(int) offset] & 0xff;
  }

  int u16(long offset) throws GeoTiffException {
    check(offset, 2, "short");
    return (int) unsigned(offset, 2);
  }

  long u32(long offset) throws GeoTiffException {
    check(offset, 4, "long");
    return unsigned(offset, 4);
  }

  /** An unsigned 64-bit value; anything over {@link Long#MAX_VALUE} cannot be a real offset or count. */
  long u64(long offset) throws GeoTiffException {
    check(offset, 8, "long8");
    long v = unsigned(offset, 8);
    if (v < 0) {
      throw new GeoTiffException(Reason.CORRUPT, "64-bit value at offset " + offset + " is out of range");
    }
    return v;
  }

  /** A copy of {@code size} bytes, range-checked. */
  byte[] slice(long offset, long size, String what) throws GeoTiffException {
    check(offset, size, what);
    byte[] out = new byte[(int) size];
    System.arraycopy(data, (int) offset, out, 0, (int) size);
    return out;
  }

  private long unsigned(long offset, int size) {
    int at = (int) offset;
    long v = 0;
    for (int i = 0; i < size; i++) {
      int b = data[at + (order == ByteOrder.BIG_ENDIAN ? i : size - 1 - i)] & 0xff;
      v = (v << 8) | b;
    }
    return v;
  }
}
