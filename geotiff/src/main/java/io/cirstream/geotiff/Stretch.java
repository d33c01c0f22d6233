package io.cirstream.geotiff;

import java.util.Locale;

/**
 * How each selected band becomes 8 bits. Every mode is a per-band linear map of a clip range [lo, hi] onto 0..255,
 * rounded and clamped; nodata pixels (GDAL_NODATA) and NaN become 0 and are left out of the statistics.
 * <ul>
 *   <li>{@code PERCENTILE}: lo and hi are the band's low and high percentiles (nearest rank; default 2 and 98),
 *       the usual remote-sensing display stretch, robust to a few saturated or dark pixels;</li>
 *   <li>{@code MINMAX}: lo and hi are the band's minimum and maximum;</li>
 *   <li>{@code NONE}: the plain cast, lo = 0 and hi = 255: right for 8-bit data, saturating for 16-bit.</li>
 * </ul>
 * A band whose clip range is empty (a flat band) falls back to the plain cast.
 */
public record Stretch(Mode mode, double lowPercentile, double highPercentile) {

  /** The stretch modes; see {@link Stretch}. */
  public enum Mode { PERCENTILE, MINMAX, NONE }

  /** 2nd to 98th percentile, per band. */
  public static final Stretch DEFAULT = percentile(2, 98);

  public Stretch {
    if (mode == null) {
      throw new IllegalArgumentException("stretch mode is required");
    }
    if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
      throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, got "
          + lowPercentile + " and " + highPercentile);
    }
  }

  public static Stretch percentile(double low, double high) {
    return new Stretch(Mode.PERCENTILE, low, high);
  }

  public static Stretch minMax() {
    return new Stretch(Mode.MINMAX, 0, 100);
  }

  public static Stretch none() {
    return new Stretch(Mode.NONE, 0, 100);
  }

  /** Parses a configuration value: {@code percentile}, {@code percentile:2,98}, {@code minmax} or {@code none}. */
  public static Stretch parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("minmax")) {
      return minMax();
    }
    if (t.equals("none")) {
      return none();
    }
    if (t.equals("percentile")) {
      return DEFAULT;
    }
    if (t.startsWith("percentile:")) {
      String[] parts = t.substring("percentile:".length()).split(",");
      if (parts.length == 2) {
        try {
          return percentile(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad percentiles in stretch '" + text + "'", e);
        }
      }
    }
    throw new IllegalArgumentException("stretch must be percentile[:LOW,HIGH], minmax or none, got '" + text + "'");
  }

  @Override
  public String toString() {
    return mode == Mode.PERCENTILE ? "percentile:" + lowPercentile + "," + highPercentile
        : mode.name().toLowerCase(Locale.ROOT);
  }
}
