package io.cirstream.geotiff;

import java.util.Arrays;

/**
 * How to read a tile.
 *
 * @param bands one-based source bands for red, green and blue (three values) or for grey (one value); empty for
 *     the default: bands 1, 2, 3 when the tile has three or more, else band 1 as grey
 * @param stretch the map of each band to 8 bits
 * @param maxSamples refuse tiles whose width x height x bands exceeds this ({@link GeoTiffException.Reason#TOO_LARGE})
 *     before anything is allocated; at most {@link Integer#MAX_VALUE} - 8, since the selected bands are held as
 *     float arrays of width x height
 */
public record TileOptions(int[] bands, Stretch stretch, long maxSamples) {

  /** 2^26 samples: a 4-band 4096 x 4096 tile, or a 8192 x 8192 single band; about 800 MB decoded at worst. */
  public static final long DEFAULT_MAX_SAMPLES = 1L << 26;

  public TileOptions {
    bands = bands == null ? new int[0] : bands.clone();
    if (bands.length != 0 && bands.length != 1 && bands.length != 3) {
      throw new IllegalArgumentException("bands: give one (grey) or three (RGB) one-based band numbers, got "
          + Arrays.toString(bands));
    }
    for (int b : bands) {
      if (b < 1) {
        throw new IllegalArgumentException("bands are one-based, got " + Arrays.toString(bands));
      }
    }
    if (stretch == null) {
      throw new IllegalArgumentException("stretch is required");
    }
    if (maxSamples < 1 || maxSamples > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxSamples must be in 1.." + (Integer.MAX_VALUE - 8) + ", got " + maxSamples);
    }
  }

  public static TileOptions defaults() {
    return new TileOptions(new int[0], Stretch.DEFAULT, DEFAULT_MAX_SAMPLES);
  }

  public TileOptions withBands(int... selected) {
    return new TileOptions(selected, stretch, maxSamples);
  }

  public TileOptions withStretch(Stretch s) {
    return new TileOptions(bands, s, maxSamples);
  }

  public TileOptions withMaxSamples(long max) {
    return new TileOptions(bands, stretch, max);
  }

  /** Parses a band list such as {@code 4,3,2} or {@code 1}; blank means the default. */
  public static int[] parseBands(String text) {
    if (text == null || text.isBlank()) {
      return new int[0];
    }
    try {
      return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bands must be comma-separated numbers, got '" + text + "'", e);
    }
  }

  @Override
  public int[] bands() {
    return bands.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TileOptions t && Arrays.equals(bands, t.bands) && stretch.equals(t.stretch)
        && maxSamples == t.maxSamples;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(bands) + stretch.hashCode()) + Long.hashCode(maxSamples);
  }

  @Override
  public String toString() {
    return "TileOptions[bands=" + Arrays.toString(bands) + ", stretch=" + stretch + ", maxSamples=" + maxSamples + "]";
  }
}
