package io.cirstream.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Expected 8-bit pixels, computed from the values a test wrote, independently of the reader's own code. */
final class Pixels {
  private Pixels() {
  }

  static void assertMinMaxStretched(GeoTile tile, TestRaster raster, int[] select) {
    assertStretched(tile, raster, select, band -> {
      double min = Arrays.stream(band).min().orElseThrow();
      double max = Arrays.stream(band).max().orElseThrow();
      return v -> scale(v, min, max);
    });
  }

  /** Nearest-rank percentiles of the sorted values: the ceil(p/100 n)-th smallest. */
  static void assertPercentileStretched(GeoTile tile, TestRaster raster, int[] select, double low, double high) {
    assertStretched(tile, raster, select, band -> {
      double[] sorted = band.clone();
      Arrays.sort(sorted);
      double lo = sorted[(int) Math.ceil(low / 100 * sorted.length) - 1];
      double hi = sorted[(int) Math.ceil(high / 100 * sorted.length) - 1];
      return v -> scale(v, lo, hi);
    });
  }

  private static double scale(double v, double lo, double hi) {
    return Math.max(0, Math.min(255, Math.round((v - lo) * 255 / (hi - lo))));
  }

  private interface BandMap {
    DoubleUnaryOperator of(double[] band);
  }

  private static void assertStretched(GeoTile tile, TestRaster raster, int[] select, BandMap map) {
    int[] bands = select.length > 0 ? select : raster.bands() >= 3 ? new int[] {1, 2, 3} : new int[] {1};
    assertThat(tile.width()).isEqualTo(raster.width());
    assertThat(tile.height()).isEqualTo(raster.height());
    for (int c = 0; c < 3; c++) {
      double[] band = raster.values()[bands[bands.length == 1 ? 0 : c] - 1];
      DoubleUnaryOperator expected = map.of(band);
      int shift = 16 - 8 * c;
      int[] actual = new int[band.length];
      int[] wanted = new int[band.length];
      for (int i = 0; i < band.length; i++) {
        actual[i] = (tile.rgb().getRGB(i % raster.width(), i / raster.width()) >> shift) & 0xff;
        wanted[i] = (int) expected.applyAsDouble(band[i]);
      }
      int mismatches = 0;
      int first = -1;
      for (int i = 0; i < band.length; i++) {
        if (actual[i] != wanted[i]) {
          mismatches++;
          first = first < 0 ? i : first;
        }
      }
      assertThat(mismatches).as("pixels differing in channel %d (band %d), first at %d", c,
          bands[bands.length == 1 ? 0 : c], first).isZero();
    }
  }
}
