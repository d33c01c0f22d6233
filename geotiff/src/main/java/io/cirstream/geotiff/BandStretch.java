package io.cirstream.geotiff;

import java.util.Arrays;
import java.util.OptionalDouble;

/** The clip range of one band under a {@link Stretch}, and the map of its values onto 0..255. */
final class BandStretch {
  /** Histogram resolution for float data or integer data spanning more than 16 bits. */
  private static final int BINS = 65536;

  private final double lo;
  private final double hi;
  private final float nodata;
  private final boolean hasNodata;

  private BandStretch(double lo, double hi, OptionalDouble nodata) {
    boolean flat = !(hi > lo);
    this.lo = flat ? 0 : lo;
    this.hi = flat ? 255 : hi;
    this.hasNodata = nodata.isPresent();
    this.nodata = (float) nodata.orElse(0);
  }

  static BandStretch of(float[] plane, Stretch stretch, boolean integral, OptionalDouble nodata) {
    BandStretch valid = new BandStretch(0, 255, nodata);
    if (stretch.mode() == Stretch.Mode.NONE) {
      return valid;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : plane) {
      if (valid.counts(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (!(max > min) || stretch.mode() == Stretch.Mode.MINMAX) {
      return new BandStretch(min, max, nodata);
    }
    return valid.percentiles(plane, min, max, integral, stretch);
  }

  private BandStretch percentiles(float[] plane, double min, double max, boolean integral, Stretch stretch) {
    boolean exact = integral && max - min < BINS;
    int bins = exact ? (int) (max - min) + 1 : BINS;
    double scale = exact ? 1 : (bins - 1) / (max - min);
    long[] histogram = new long[bins];
    long n = 0;
    for (float v : plane) {
      if (counts(v)) {
        histogram[bin(v, min, scale)]++;
        n++;
      }
    }
    double low = valueAtRank(plane, histogram, rank(n, stretch.lowPercentile()), min, scale);
    double high = valueAtRank(plane, histogram, rank(n, stretch.highPercentile()), min, scale);
    return new BandStretch(low, high, hasNodata ? OptionalDouble.of(nodata) : OptionalDouble.empty());
  }

  /** Nearest rank: the ceil(p/100 n)-th smallest value (one-based). */
  private static long rank(long n, double percentile) {
    return Math.max(1, (long) Math.ceil(percentile / 100 * n));
  }

  private static int bin(float v, double min, double scale) {
    return (int) ((v - min) * scale);
  }

  /**
   * The value of the given rank, exactly: the histogram finds its bin, and when a bin spans several values (float
   * data, wide integers) a second pass sorts just that bin's values.
   */
  private double valueAtRank(float[] plane, long[] histogram, long rank, double min, double scale) {
    long before = 0;
    int b = 0;
    while (b < histogram.length - 1 && before + histogram[b] < rank) {
      before += histogram[b++];
    }
    if (scale == 1) {
      return min + b;
    }
    float[] inBin = new float[(int) histogram[b]];
    int k = 0;
    for (float v : plane) {
      if (counts(v) && bin(v, min, scale) == b && k < inBin.length) {
        inBin[k++] = v;
      }
    }
    Arrays.sort(inBin, 0, k);
    return k == 0 ? min + b / scale : inBin[(int) Math.min(k - 1, rank - before - 1)];
  }

  private boolean counts(float v) {
    return Float.isFinite(v) && !(hasNodata && v == nodata);
  }

  int toByte(float v) {
    if (!counts(v)) {
      return 0;
    }
    long out = Math.round((v - lo) * 255 / (hi - lo));
    return (int) Math.max(0, Math.min(255, out));
  }

  double lo() {
    return lo;
  }

  double hi() {
    return hi;
  }
}
