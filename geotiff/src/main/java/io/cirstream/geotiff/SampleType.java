package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;
import java.nio.ByteOrder;

/** The sample types this reader decodes, from BitsPerSample (258) and SampleFormat (339: 1 uint, 2 int, 3 float). */
enum SampleType {
  UINT8(1, true), INT8(1, true), UINT16(2, true), INT16(2, true), UINT32(4, true), INT32(4, true),
  FLOAT32(4, false), FLOAT64(8, false);

  private final int bytes;
  private final boolean integral;

  SampleType(int bytes, boolean integral) {
    this.bytes = bytes;
    this.integral = integral;
  }

  static SampleType of(int format, int bits) throws GeoTiffException {
    SampleType type = switch (format * 100 + bits) {
      case 108 -> UINT8;
      case 208 -> INT8;
      case 116 -> UINT16;
      case 216 -> INT16;
      case 132 -> UINT32;
      case 232 -> INT32;
      case 332 -> FLOAT32;
      case 364 -> FLOAT64;
      default -> null;
    };
    if (type == null) {
      throw new GeoTiffException(Reason.UNSUPPORTED, bits + "-bit samples of SampleFormat " + format);
    }
    return type;
  }

  int bytes() {
    return bytes;
  }

  int bits() {
    return bytes * 8;
  }

  /** Whole-number samples, whose percentiles a histogram computes exactly. */
  boolean integral() {
    return integral;
  }

  /** The sample starting at {@code at} in a decoded block. */
  double read(byte[] block, int at, ByteOrder order) {
    long raw = 0;
    for (int i = 0; i < bytes; i++) {
      int b = block[at + (order == ByteOrder.BIG_ENDIAN ? i : bytes - 1 - i)] & 0xff;
      raw = (raw << 8) | b;
    }
    return switch (this) {
      case UINT8, UINT16, UINT32 -> raw;
      case INT8 -> (byte) raw;
      case INT16 -> (short) raw;
      case INT32 -> (int) raw;
      case FLOAT32 -> Float.intBitsToFloat((int) raw);
      case FLOAT64 -> Double.longBitsToDouble(raw);
    };
  }
}
