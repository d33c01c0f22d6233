package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a GeoTIFF or Cloud-Optimised GeoTIFF tile: the full-resolution image's selected bands as 8-bit RGB, its
 * WGS84 footprint and its capture time. Stateless and thread-safe. {@code docs/geotiff.md} says what is read.
 */
public final class GeoTiffReader {

  private GeoTiffReader() {
  }

  /** True when the head starts like a TIFF or BigTIFF ("II*\0", "MM\0*", "II+\0", "MM\0+"); needs 4 bytes. */
  public static boolean isTiff(byte[] head) {
    if (head == null || head.length < 4) {
      return false;
    }
    if (head[0] == 'I' && head[1] == 'I') {
      return (head[2] == 42 || head[2] == 43) && head[3] == 0;
    }
    return head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43);
  }

  /** Reads a file whole (tiles are small); an oversized file is refused before it is read. */
  public static GeoTile read(Path file, TileOptions options) throws GeoTiffException, IOException {
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE - 8) {
      throw new GeoTiffException(Reason.TOO_LARGE, "file of " + size + " bytes");
    }
    return read(Files.readAllBytes(file), options);
  }

  public static GeoTile read(byte[] tiff, TileOptions options) throws GeoTiffException {
    return read(tiff, options, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * Reads a tile within a caller's limits (the embedder's and the query API's image limits): more than
   * {@code maxBytes} is refused before parsing ({@link Reason#TOO_MANY_BYTES}), more than {@code maxPixels} from the
   * header, before any pixel block is read or allocated ({@link Reason#TOO_MANY_PIXELS}).
   */
  public static GeoTile read(byte[] tiff, TileOptions options, long maxBytes, long maxPixels) throws GeoTiffException {
    if (tiff.length > maxBytes) {
      throw new GeoTiffException(Reason.TOO_MANY_BYTES, "the tile is " + tiff.length + " bytes, the limit is "
          + maxBytes);
    }
    TiffBytes bytes = TiffBytes.of(tiff);
    Ifd ifd = IfdChain.fullResolution(bytes);
    RasterLayout layout = RasterLayout.of(ifd, options.maxSamples());
    if ((long) layout.width() * layout.height() > maxPixels) {
      throw new GeoTiffException(Reason.TOO_MANY_PIXELS, "the tile is " + layout.width() + "x" + layout.height()
          + ", the limit is " + maxPixels + " pixels");
    }
    int[] selection = selection(options.bands(), layout.samplesPerPixel());
    int[] sources = Arrays.stream(selection).distinct().toArray();
    float[][] planes = new BandReader(bytes, layout).read(sources);
    OptionalDouble nodata = nodata(ifd);
    BandStretch[] stretches = new BandStretch[sources.length];
    for (int i = 0; i < sources.length; i++) {
      stretches[i] = BandStretch.of(planes[i], options.stretch(), layout.type().integral(), nodata);
    }
    int[] channel = new int[3];
    for (int c = 0; c < 3; c++) {
      int band = selection[selection.length == 1 ? 0 : c];
      channel[c] = Arrays.stream(sources).boxed().toList().indexOf(band);
    }
    BufferedImage rgb = compose(planes, stretches, channel, layout.width(), layout.height());
    GeoKeys keys = GeoKeys.of(ifd);
    Optional<Integer> epsg = keys.epsg();
    Optional<Footprint> footprint = epsg.flatMap(code -> Georeference.of(ifd, keys)
        .flatMap(geo -> FootprintProjector.footprint(geo, layout.width(), layout.height(), code)));
    return new GeoTile(rgb, footprint, CaptureTime.of(ifd), layout.samplesPerPixel(), layout.type().bits(),
        epsg.map(code -> "EPSG:" + code));
  }

  /** Zero-based source band per output channel (one entry for grey). */
  private static int[] selection(int[] requested, int available) throws GeoTiffException {
    if (requested.length == 0) {
      return available >= 3 ? new int[] {0, 1, 2} : new int[] {0};
    }
    int[] zeroBased = new int[requested.length];
    for (int i = 0; i < requested.length; i++) {
      if (requested[i] > available) {
        throw new GeoTiffException(Reason.BAD_BANDS, "band " + requested[i] + " of a " + available + "-band tile");
      }
      zeroBased[i] = requested[i] - 1;
    }
    return zeroBased;
  }

  private static BufferedImage compose(float[][] planes, BandStretch[] stretches, int[] channel, int width,
      int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int c = 0; c < 3; c++) {
      float[] plane = planes[channel[c]];
      BandStretch stretch = stretches[channel[c]];
      int shift = 16 - 8 * c;
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] |= stretch.toByte(plane[i]) << shift;
      }
    }
    return image;
  }

  /** GDAL_NODATA (42113) is ASCII: a number, "nan" or "inf"; anything else is ignored. */
  private static OptionalDouble nodata(Ifd ifd) {
    return ifd.text(Tag.GDAL_NODATA).map(String::trim).map(t -> {
      try {
        return OptionalDouble.of(t.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(t));
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    }).orElse(OptionalDouble.empty());
  }
}
