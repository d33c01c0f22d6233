package io.cirstream.geotiff;

import java.nio.ByteOrder;

/**
 * Decodes the blocks of the full-resolution image into one float plane per selected band (row-major, width x
 * height). Planes of unselected bands in a planar file are never decompressed.
 */
final class BandReader {
  private final TiffBytes bytes;
  private final RasterLayout layout;

  BandReader(TiffBytes bytes, RasterLayout layout) {
    this.bytes = bytes;
    this.layout = layout;
  }

  /** @param bands zero-based source bands, each read once */
  float[][] read(int[] bands) throws GeoTiffException {
    float[][] planes = new float[bands.length][layout.width() * layout.height()];
    int planeCount = layout.planar() ? layout.samplesPerPixel() : 1;
    int perPlane = layout.blocksAcross() * layout.blocksDown();
    for (int plane = 0; plane < planeCount; plane++) {
      if (layout.planar() && indexOf(bands, plane) < 0) {
        continue;
      }
      for (int by = 0; by < layout.blocksDown(); by++) {
        for (int bx = 0; bx < layout.blocksAcross(); bx++) {
          int block = plane * perPlane + by * layout.blocksAcross() + bx;
          readBlock(block, plane, bx, by, bands, planes);
        }
      }
    }
    return planes;
  }

  private void readBlock(int block, int plane, int bx, int by, int[] bands, float[][] planes) throws GeoTiffException {
    long offset = layout.offsets()[block];
    long count = layout.byteCounts()[block];
    if (offset == 0 && count == 0) {
      return; // a sparse block (GDAL's SPARSE_OK): all zero
    }
    int spb = layout.samplesPerBlock();
    int sampleBytes = layout.type().bytes();
    int rows = layout.storedRows(by);
    int expected = rows * layout.blockWidth() * spb * sampleBytes;
    byte[] raw = bytes.slice(offset, count, "block " + block);
    byte[] data = Decompressor.decode(layout.compression(), raw, expected);
    if (layout.predictor() == 2) {
      undoHorizontalDifferencing(data, rows, layout.blockWidth() * spb, spb, sampleBytes, bytes.order());
    }
    copy(data, plane, bx * layout.blockWidth(), by * layout.blockHeight(), bands, planes);
  }

  private void copy(byte[] data, int plane, int x0, int y0, int[] bands, float[][] planes) {
    int width = layout.width();
    int rows = Math.min(layout.blockHeight(), layout.height() - y0);
    int cols = Math.min(layout.blockWidth(), width - x0);
    int spb = layout.samplesPerBlock();
    int sampleBytes = layout.type().bytes();
    ByteOrder order = bytes.order();
    for (int k = 0; k < bands.length; k++) {
      if (layout.planar() && bands[k] != plane) {
        continue;
      }
      int within = layout.planar() ? 0 : bands[k];
      float[] out = planes[k];
      for (int r = 0; r < rows; r++) {
        int src = (r * layout.blockWidth()) * spb + within;
        int dst = (y0 + r) * width + x0;
        for (int c = 0; c < cols; c++) {
          out[dst + c] = (float) layout.type().read(data, (src + c * spb) * sampleBytes, order);
        }
      }
    }
  }

  /**
   * Predictor 2: each sample was stored as the difference to the same band's sample on its left, in the sample's
   * own integer width (wrapping), so the running sum restores it.
   */
  static void undoHorizontalDifferencing(byte[] data, int rows, int rowSamples, int stride, int sampleBytes,
      ByteOrder order) {
    long mask = sampleBytes == 8 ? -1L : (1L << (8 * sampleBytes)) - 1;
    for (int r = 0; r < rows; r++) {
      int rowStart = r * rowSamples;
      for (int i = stride; i < rowSamples; i++) {
        int at = (rowStart + i) * sampleBytes;
        long sum = get(data, at, sampleBytes, order) + get(data, at - stride * sampleBytes, sampleBytes, order);
        put(data, at, sampleBytes, order, sum & mask);
      }
    }
  }

  private static long get(byte[] data, int at, int n, ByteOrder order) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (data[at + (order == ByteOrder.BIG_ENDIAN ? i : n - 1 - i)] & 0xff);
    }
    return v;
  }

  private static void put(byte[] data, int at, int n, ByteOrder order, long v) {
    for (int i = 0; i < n; i++) {
      data[at + (order == ByteOrder.BIG_ENDIAN ? n - 1 - i : i)] = (byte) (v >>> (8 * i));
    }
  }

  private static int indexOf(int[] values, int v) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
