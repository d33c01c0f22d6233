package io.cirstream.geotiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Takes a tile's corners and centre from its CRS to WGS84 through proj4j and its EPSG database. Transforms are
 * built once per EPSG code (parsing the database entry is the slow part) and shared; proj4j's transforms keep
 * per-call state, so each use is synchronised on its transform.
 */
final class FootprintProjector {
  private static final CRSFactory CRS = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
  private static final int WGS84 = 4326;
  private static final TransformCache TO_WGS84 = new TransformCache();

  private FootprintProjector() {
  }

  /** Empty when the code is unknown to proj4j's database or a corner does not project (outside the CRS's area). */
  static Optional<Footprint> footprint(Georeference geo, int width, int height, int epsg) {
    Optional<CoordinateTransform> transform = TO_WGS84.transform(epsg);
    if (transform.isEmpty()) {
      return Optional.empty();
    }
    double[][] pixels = {{0, 0}, {width, 0}, {width, height}, {0, height}};
    List<LonLat> corners = new ArrayList<>();
    for (double[] p : pixels) {
      Optional<LonLat> corner = project(transform.get(), geo.x(p[0], p[1]), geo.y(p[0], p[1]));
      if (corner.isEmpty()) {
        return Optional.empty();
      }
      corners.add(corner.get());
    }
    return project(transform.get(), geo.x(width / 2.0, height / 2.0), geo.y(width / 2.0, height / 2.0))
        .map(centre -> Footprint.of(corners, centre));
  }

  private static Optional<LonLat> project(CoordinateTransform transform, double x, double y) {
    ProjCoordinate out = new ProjCoordinate();
    try {
      synchronized (transform) {
        transform.transform(new ProjCoordinate(x, y), out);
      }
    } catch (RuntimeException e) {
      return Optional.empty(); // proj4j signals points outside a projection's domain with unchecked exceptions
    }
    return Double.isFinite(out.x) && Double.isFinite(out.y) ? Optional.of(new LonLat(out.x, out.y)) : Optional.empty();
  }

  /** Transforms by source EPSG code; codes proj4j does not know are remembered as absent. */
  private static final class TransformCache {
    private final ConcurrentHashMap<Integer, Optional<CoordinateTransform>> byCode = new ConcurrentHashMap<>();

    Optional<CoordinateTransform> transform(int epsg) {
      return byCode.computeIfAbsent(epsg, TransformCache::create);
    }

    private static Optional<CoordinateTransform> create(int epsg) {
      try {
        CoordinateReferenceSystem source = CRS.createFromName("EPSG:" + epsg);
        CoordinateReferenceSystem target = CRS.createFromName("EPSG:" + WGS84);
        return Optional.of(TRANSFORMS.createTransform(source, target));
      } catch (RuntimeException e) {
        return Optional.empty(); // unknown code or a projection proj4j lacks
      }
    }
  }
}
