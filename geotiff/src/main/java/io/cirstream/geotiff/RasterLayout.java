package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;

/**
 * How the pixels of the full-resolution image are laid out: size, sample type, interleaving, compression and the
 * block (strip or tile) table. Every declared size is bounded here, before anything is allocated.
 *
 * @param planar band-separate (PlanarConfiguration 2): each block holds one band
 * @param offsets block offsets, plane by plane, row of blocks by row of blocks
 */
record RasterLayout(int width, int height, int samplesPerPixel, SampleType type, boolean planar, int compression,
    int predictor, boolean tiled, int blockWidth, int blockHeight, long[] offsets, long[] byteCounts) {

  /** A block may be larger than the image (a 512-pixel tile on a 300-pixel image); this bounds it on its own. */
  static final long MAX_BLOCK_BYTES = 1L << 28;

  static RasterLayout of(Ifd ifd, long maxSamples) throws GeoTiffException {
    long width = positive(ifd, Tag.IMAGE_WIDTH, -1);
    long height = positive(ifd, Tag.IMAGE_LENGTH, -1);
    long samples = positive(ifd, Tag.SAMPLES_PER_PIXEL, 1);
    long total = product(product(width, height), samples);
    if (total > maxSamples) {
      throw new GeoTiffException(Reason.TOO_LARGE, width + "x" + height + "x" + samples
          + " samples exceed the limit of " + maxSamples);
    }
    SampleType type = SampleType.of((int) uniform(ifd, Tag.SAMPLE_FORMAT, 1), (int) uniform(ifd, Tag.BITS_PER_SAMPLE, 1));
    int planarConfig = (int) ifd.integer(Tag.PLANAR_CONFIGURATION, 1);
    if (planarConfig != 1 && planarConfig != 2) {
      throw new GeoTiffException(Reason.CORRUPT, "PlanarConfiguration " + planarConfig);
    }
    boolean planar = planarConfig == 2 && samples > 1;
    int compression = (int) ifd.integer(Tag.COMPRESSION, Decompressor.NONE);
    Decompressor.checkSupported(compression);
    int predictor = (int) ifd.integer(Tag.PREDICTOR, 1);
    if (predictor != 1 && predictor != 2) {
      throw new GeoTiffException(Reason.UNSUPPORTED, "Predictor " + predictor + " (only none and horizontal)");
    }
    boolean tiled = ifd.has(Tag.TILE_WIDTH) || ifd.has(Tag.TILE_OFFSETS);
    long blockWidth = tiled ? positive(ifd, Tag.TILE_WIDTH, -1) : width;
    long blockHeight = tiled ? positive(ifd, Tag.TILE_LENGTH, -1)
        : Math.min(height, positive(ifd, Tag.ROWS_PER_STRIP, height));
    long blockBytes = product(product(blockWidth, blockHeight), (planar ? 1 : samples) * type.bytes());
    if (blockBytes > MAX_BLOCK_BYTES) {
      throw new GeoTiffException(Reason.TOO_LARGE, blockWidth + "x" + blockHeight + " blocks of " + blockBytes + " bytes");
    }
    long blocks = ceilDiv(width, blockWidth) * ceilDiv(height, blockHeight) * (planar ? samples : 1);
    long[] offsets = table(ifd, tiled ? Tag.TILE_OFFSETS : Tag.STRIP_OFFSETS, blocks);
    long[] counts = table(ifd, tiled ? Tag.TILE_BYTE_COUNTS : Tag.STRIP_BYTE_COUNTS, blocks);
    return new RasterLayout((int) width, (int) height, (int) samples, type, planar, compression, predictor, tiled,
        (int) blockWidth, (int) blockHeight, offsets, counts);
  }

  int blocksAcross() {
    return (int) ceilDiv(width, blockWidth);
  }

  int blocksDown() {
    return (int) ceilDiv(height, blockHeight);
  }

  /** Samples interleaved in one block: all bands, or one band when planar. */
  int samplesPerBlock() {
    return planar ? 1 : samplesPerPixel;
  }

  /** Rows stored in block row {@code blockRow}: tiles are always whole, the last strip may be short. */
  int storedRows(int blockRow) {
    return tiled ? blockHeight : Math.min(blockHeight, height - blockRow * blockHeight);
  }

  private static long positive(Ifd ifd, int tag, long fallback) throws GeoTiffException {
    long v = ifd.integer(tag, fallback);
    if (v <= 0) {
      throw new GeoTiffException(Reason.CORRUPT, "tag " + tag + (v == -1 ? " is missing" : " is " + v));
    }
    return v;
  }

  /** BitsPerSample and SampleFormat carry one value per band; bands of different types are not decoded. */
  private static long uniform(Ifd ifd, int tag, long fallback) throws GeoTiffException {
    long[] values = ifd.integers(tag).orElse(new long[] {fallback});
    for (long v : values) {
      if (v != values[0]) {
        throw new GeoTiffException(Reason.UNSUPPORTED, "bands of different types (tag " + tag + ")");
      }
    }
    return values.length == 0 ? fallback : values[0];
  }

  private static long[] table(Ifd ifd, int tag, long blocks) throws GeoTiffException {
    long[] values = ifd.integers(tag).orElseThrow(() -> new GeoTiffException(Reason.CORRUPT, "tag " + tag + " is missing"));
    if (values.length < blocks) {
      throw new GeoTiffException(Reason.CORRUPT, "tag " + tag + " has " + values.length + " entries for " + blocks + " blocks");
    }
    return values;
  }

  private static long product(long a, long b) throws GeoTiffException {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new GeoTiffException(Reason.TOO_LARGE, "declared size " + a + " x " + b + " overflows");
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
