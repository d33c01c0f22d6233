package io.cirstream.geotiff;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Optional;

/**
 * A decoded satellite tile.
 *
 * @param rgb the selected bands stretched to 8 bits, {@link BufferedImage#TYPE_INT_RGB}, full resolution
 * @param footprint corners, box and centre in WGS84; empty without a georeference or a CRS proj4j knows
 * @param captured capture time in UTC (see {@link GeoTiffReader}); empty when the tags carry none
 * @param bands the tile's number of bands (SamplesPerPixel), not the number shown
 * @param bitsPerSample bits of each source sample (8, 16, 32 or 64)
 * @param crs the tile's CRS as {@code EPSG:n}; empty when absent or user-defined
 */
public record GeoTile(BufferedImage rgb, Optional<Footprint> footprint, Optional<Instant> captured, int bands,
    int bitsPerSample, Optional<String> crs) {

  public int width() {
    return rgb.getWidth();
  }

  public int height() {
    return rgb.getHeight();
  }
}
