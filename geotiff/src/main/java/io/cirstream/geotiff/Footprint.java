package io.cirstream.geotiff;

import java.util.List;

/**
 * Where a tile lies on the earth, in WGS84 degrees: the outer corners of its corner pixels in the order upper-left,
 * upper-right, lower-right, lower-left (image orientation), the box around them, and the image centre (each
 * transformed from the tile's CRS on its own, so in a projected CRS the centre need not be the box's middle).
 * A tile that crosses the antimeridian gets west &gt; east unnormalised; none of cirstream's sources send such tiles.
 */
public record Footprint(List<LonLat> corners, double west, double south, double east, double north, LonLat centre) {

  public Footprint {
    corners = List.copyOf(corners);
  }

  static Footprint of(List<LonLat> corners, LonLat centre) {
    double west = Double.POSITIVE_INFINITY;
    double south = Double.POSITIVE_INFINITY;
    double east = Double.NEGATIVE_INFINITY;
    double north = Double.NEGATIVE_INFINITY;
    for (LonLat c : corners) {
      west = Math.min(west, c.lon());
      east = Math.max(east, c.lon());
      south = Math.min(south, c.lat());
      north = Math.max(north, c.lat());
    }
    return new Footprint(corners, west, south, east, north, centre);
  }
}
