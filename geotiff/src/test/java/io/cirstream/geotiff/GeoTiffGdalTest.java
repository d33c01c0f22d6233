package io.cirstream.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.geotiff.TestRaster.Type;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiles written by GDAL in the layouts satellite platforms send, read back: every pixel against the values the
 * test wrote, the footprint against gdalinfo's wgs84Extent and gdaltransform, the CRS against the one assigned.
 */
class GeoTiffGdalTest {
  private static final String[] UTM_ULLR = {"-a_ullr", "500000", "5000000", "503700", "4997700"};
  private static final String[] WEB_ULLR = {"-a_ullr", "1113194.9", "6800125.5", "1118194.9", "6796125.5"};
  private static final String[] GEO_ULLR = {"-a_ullr", "12.5", "41.9", "12.537", "41.877"};

  @TempDir
  Path dir;

  @BeforeAll
  static void gdal() {
    Gdal.require();
  }

  record Case(String name, Type type, int bands, String srs, String[] ullr, int[] select, String... options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("4326 8-bit RGB striped deflate", Type.BYTE, 3, "EPSG:4326", GEO_ULLR, new int[0],
            "-co", "COMPRESS=DEFLATE", "-co", "BLOCKYSIZE=5"),
        new Case("3857 16-bit 4-band COG deflate, bands 4,3,2", Type.UINT16, 4, "EPSG:3857", WEB_ULLR,
            new int[] {4, 3, 2}, "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "BLOCKSIZE=16"),
        new Case("32633 8-bit grey tiled LZW", Type.BYTE, 1, "EPSG:32633", UTM_ULLR, new int[0],
            "-co", "TILED=YES", "-co", "BLOCKXSIZE=16", "-co", "BLOCKYSIZE=16", "-co", "COMPRESS=LZW"),
        new Case("32633 16-bit planar striped LZW predictor 2", Type.UINT16, 3, "EPSG:32633", UTM_ULLR, new int[0],
            "-co", "INTERLEAVE=BAND", "-co", "COMPRESS=LZW", "-co", "PREDICTOR=2", "-co", "BLOCKYSIZE=7"),
        new Case("32633 8-bit 4-band pixel tiled deflate predictor 2", Type.BYTE, 4, "EPSG:32633", UTM_ULLR,
            new int[] {3, 2, 1}, "-co", "TILED=YES", "-co", "BLOCKXSIZE=16", "-co", "BLOCKYSIZE=16",
            "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2"),
        new Case("4326 int16 grey PackBits", Type.INT16, 1, "EPSG:4326", GEO_ULLR, new int[0],
            "-co", "COMPRESS=PACKBITS"),
        new Case("32733 float32 RGB COG LZW", Type.FLOAT32, 3, "EPSG:32733", UTM_ULLR, new int[0],
            "-of", "COG", "-co", "COMPRESS=LZW", "-co", "BLOCKSIZE=16"),
        new Case("32633 16-bit big-endian BigTIFF uncompressed planar", Type.UINT16, 2, "EPSG:32633", UTM_ULLR,
            new int[] {2}, "-co", "BIGTIFF=YES", "-co", "ENDIANNESS=BIG", "-co", "INTERLEAVE=BAND"),
        new Case("32633 8-bit grey PixelIsPoint", Type.BYTE, 1, "EPSG:32633", UTM_ULLR, new int[0],
            "-mo", "AREA_OR_POINT=Point"),
        new Case("3857 8-bit RGB COG LZW with overviews", Type.BYTE, 3, "EPSG:3857", WEB_ULLR, new int[0],
            "-of", "COG", "-co", "COMPRESS=LZW", "-co", "BLOCKSIZE=16", "-co", "OVERVIEWS=AUTO"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsWhatGdalWrote(Case c) throws Exception {
    TestRaster raster = TestRaster.random(c.name().hashCode(), 37, 23, c.bands(), c.type());
    String[] args = Stream.concat(Stream.of("-a_srs", c.srs()), Stream.concat(Stream.of(c.ullr()), Stream.of(c.options())))
        .toArray(String[]::new);
    Path tif = Gdal.translate(dir, "tile", raster, args);

    GeoTile tile = GeoTiffReader.read(tif, TileOptions.defaults().withBands(c.select()).withStretch(Stretch.minMax()));

    assertThat(tile.bands()).isEqualTo(c.bands());
    assertThat(tile.bitsPerSample()).isEqualTo(c.type().bytes() * 8);
    assertThat(tile.crs()).contains(c.srs());
    Pixels.assertMinMaxStretched(tile, raster, c.select());
    assertFootprintMatchesGdal(tif, c.srs(), tile);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void percentileStretchMatchesNearestRankOfWrittenValues(Case c) throws Exception {
    TestRaster raster = TestRaster.random(c.name().hashCode() + 1, 29, 31, c.bands(), c.type());
    String[] args = Stream.concat(Stream.of("-a_srs", c.srs()), Stream.of(c.options())).toArray(String[]::new);
    Path tif = Gdal.translate(dir, "tile", raster, args);

    GeoTile tile = GeoTiffReader.read(tif, TileOptions.defaults().withBands(c.select()));

    Pixels.assertPercentileStretched(tile, raster, c.select(), 2, 98);
  }

  static void assertFootprintMatchesGdal(Path tif, String srs, GeoTile tile) throws IOException {
    JsonNode info = Gdal.info(tif);
    Footprint footprint = tile.footprint().orElseThrow();
    JsonNode corners = info.get("cornerCoordinates");
    double[][] projected = {xy(corners, "upperLeft"), xy(corners, "upperRight"), xy(corners, "lowerRight"),
        xy(corners, "lowerLeft"), xy(corners, "center")};
    double[][] expected = Gdal.toWgs84(srs, projected);
    for (int i = 0; i < 4; i++) {
      assertLonLat(footprint.corners().get(i), expected[i], 1e-8);
    }
    assertLonLat(footprint.centre(), expected[4], 1e-8);
    // gdalinfo's own WGS84 polygon (rounded to 1e-7): upper-left, lower-left, lower-right, upper-right.
    JsonNode ring = info.get("wgs84Extent").get("coordinates").get(0);
    List<Integer> order = List.of(0, 3, 2, 1);
    for (int i = 0; i < 4; i++) {
      JsonNode p = ring.get(order.get(i));
      assertLonLat(footprint.corners().get(i), new double[] {p.get(0).asDouble(), p.get(1).asDouble()}, 1e-6);
    }
    assertThat(footprint.west()).isLessThan(footprint.east());
    assertThat(footprint.south()).isLessThan(footprint.north());
  }

  private static double[] xy(JsonNode corners, String name) {
    return new double[] {corners.get(name).get(0).asDouble(), corners.get(name).get(1).asDouble()};
  }

  private static void assertLonLat(LonLat actual, double[] expected, double tolerance) {
    assertThat(actual.lon()).as("longitude").isCloseTo(expected[0], within(tolerance));
    assertThat(actual.lat()).as("latitude").isCloseTo(expected[1], within(tolerance));
  }
}
