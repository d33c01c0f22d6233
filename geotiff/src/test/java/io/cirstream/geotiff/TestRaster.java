package io.cirstream.geotiff;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/** A raster a test writes and later expects back: values[band][row * width + col]. */
record TestRaster(int width, int height, Type type, double[][] values) {

  /** ENVI data types, as the .hdr's "data type" numbers them. */
  enum Type {
    BYTE(1, 1, 0, 255), INT16(2, 2, -30000, 30000), UINT16(12, 2, 0, 65535), FLOAT32(4, 4, -1000, 1000);

    private final int enviCode;
    private final int bytes;
    private final int min;
    private final int max;

    Type(int enviCode, int bytes, int min, int max) {
      this.enviCode = enviCode;
      this.bytes = bytes;
      this.min = min;
      this.max = max;
    }

    int enviCode() {
      return enviCode;
    }

    int bytes() {
      return bytes;
    }

    void put(ByteBuffer buffer, double v) {
      switch (this) {
        case BYTE -> buffer.put((byte) v);
        case INT16, UINT16 -> buffer.putShort((short) v);
        case FLOAT32 -> buffer.putFloat((float) v);
      }
    }

    double random(SplittableRandom random) {
      return this == FLOAT32 ? min + random.nextDouble() * (max - min) : random.nextInt(min, max + 1);
    }
  }

  int bands() {
    return values.length;
  }

  /** Random values over the type's whole range, so every stretch has work to do. */
  static TestRaster random(long seed, int width, int height, int bands, Type type) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] values = new double[bands][width * height];
    for (double[] band : values) {
      for (int i = 0; i < band.length; i++) {
        band[i] = (float) type.random(random);
      }
    }
    return new TestRaster(width, height, type, values);
  }
}
