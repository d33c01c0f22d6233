package io.cirstream.geotiff;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GeoKeyDirectoryTag (34735): a header of four shorts, then one (key, location, count, value) quadruple per
 * key. Only short-valued keys are kept: the ones read here (model type, raster type, the EPSG codes) are all shorts.
 */
final class GeoKeys {
  static final int MODEL_TYPE = 1024;
  static final int RASTER_TYPE = 1025;
  static final int GEOGRAPHIC_TYPE = 2048;
  static final int PROJECTED_CS_TYPE = 3072;
  static final int PIXEL_IS_POINT = 2;
  static final int USER_DEFINED = 32767;

  private final Map<Integer, Integer> shorts;

  private GeoKeys(Map<Integer, Integer> shorts) {
    this.shorts = shorts;
  }

  static GeoKeys of(Ifd ifd) {
    Map<Integer, Integer> keys = new HashMap<>();
    long[] dir = ifd.integers(Tag.GEO_KEY_DIRECTORY).orElse(new long[0]);
    int declared = dir.length >= 4 ? (int) dir[3] : 0;
    int count = Math.min(declared, (dir.length - 4) / 4);
    for (int k = 0; k < count; k++) {
      int at = 4 + 4 * k;
      if (dir[at + 1] == 0 && dir[at + 2] == 1) {
        keys.put((int) dir[at], (int) dir[at + 3]);
      }
    }
    return new GeoKeys(keys);
  }

  Optional<Integer> get(int key) {
    return Optional.ofNullable(shorts.get(key));
  }

  boolean pixelIsPoint() {
    return get(RASTER_TYPE).orElse(1) == PIXEL_IS_POINT;
  }

  /** The EPSG code of the CRS: the projected one if any, else the geographic one; user-defined CRSs have none. */
  Optional<Integer> epsg() {
    Optional<Integer> code = get(PROJECTED_CS_TYPE).or(() -> get(GEOGRAPHIC_TYPE));
    return code.filter(c -> c > 0 && c != USER_DEFINED);
  }
}
