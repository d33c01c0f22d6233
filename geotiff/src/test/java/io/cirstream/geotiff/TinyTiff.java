package io.cirstream.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

/** Hand-made minimal little-endian TIFFs (one 8-bit grey strip) with any tag overridden: for shapes GDAL never writes. */
final class TinyTiff {
  private TinyTiff() {
  }

  static byte[] grey(int width, int height, long nextIfd, Map<Integer, Long> overrides) {
    int ifdSize = 2 + 12 * 12 + 4;
    int dataAt = 8 + ifdSize;
    Map<Integer, Long> tags = new TreeMap<>(Map.of(256, (long) width, 257, (long) height, 258, 8L, 259, 1L,
        273, (long) dataAt, 277, 1L, 278, (long) height, 279, (long) width * height));
    tags.putAll(overrides);
    int pixels = (int) Math.min((long) width * height, 1 << 16);
    ByteBuffer out = ByteBuffer.allocate(dataAt + pixels).order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    out.putShort((short) tags.size());
    for (Map.Entry<Integer, Long> e : tags.entrySet()) {
      out.putShort(e.getKey().shortValue()).putShort((short) 4).putInt(1).putInt(e.getValue().intValue());
    }
    out.putInt((int) nextIfd);
    for (int i = 0; i < pixels; i++) {
      out.put(dataAt + i, (byte) i);
    }
    return out.array();
  }
}
