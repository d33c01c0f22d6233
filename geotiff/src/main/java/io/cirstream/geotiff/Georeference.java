package io.cirstream.geotiff;

import java.util.Optional;

/**
 * The raster-to-model transform of a tile in GDAL's pixel-corner convention: (col, row) of a pixel's upper-left
 * corner to CRS coordinates, x = a + b col + c row, y = d + e col + f row. From ModelTransformationTag (34264) when
 * present, else from the first ModelTiepoint (33922) and ModelPixelScale (33550). For RasterTypeGeoKey
 * PixelIsPoint the tags place pixel centres, so the transform is moved half a pixel up and left, as GDAL does.
 */
record Georeference(double a, double b, double c, double d, double e, double f) {

  static Optional<Georeference> of(Ifd ifd, GeoKeys keys) {
    Optional<Georeference> centreOrCorner = ifd.reals(Tag.MODEL_TRANSFORMATION).filter(m -> m.length >= 8)
        .map(m -> new Georeference(m[3], m[0], m[1], m[7], m[4], m[5]))
        .or(() -> fromTiepoint(ifd));
    return centreOrCorner.filter(Georeference::finite).map(g -> keys.pixelIsPoint() ? g.shifted(-0.5, -0.5) : g);
  }

  private static Optional<Georeference> fromTiepoint(Ifd ifd) {
    Optional<double[]> tie = ifd.reals(Tag.MODEL_TIEPOINT).filter(t -> t.length >= 6);
    Optional<double[]> scale = ifd.reals(Tag.MODEL_PIXEL_SCALE).filter(s -> s.length >= 2);
    if (tie.isEmpty() || scale.isEmpty()) {
      return Optional.empty();
    }
    double[] t = tie.get();
    double sx = scale.get()[0];
    double sy = scale.get()[1];
    // x = X + (col - I) sx; y = Y - (row - J) sy: rows run south in a north-up tile.
    return Optional.of(new Georeference(t[3] - t[0] * sx, sx, 0, t[4] + t[1] * sy, 0, -sy));
  }

  /** The same transform with raster coordinates offset by (dc, dr). */
  private Georeference shifted(double dc, double dr) {
    return new Georeference(a + b * dc + c * dr, b, c, d + e * dc + f * dr, e, f);
  }

  private boolean finite() {
    return Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)
        && Double.isFinite(e) && Double.isFinite(f);
  }

  double x(double col, double row) {
    return a + b * col + c * row;
  }

  double y(double col, double row) {
    return d + e * col + f * row;
  }
}
