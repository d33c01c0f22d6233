package io.cirstream.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.cirstream.geotiff.TestRaster.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capture time, rotated georeferences (ModelTransformationTag) and tiles without a georeference, as GDAL writes them. */
class GeoTiffMetadataGdalTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void gdal() {
    Gdal.require();
  }

  private TestRaster raster() {
    return TestRaster.random(7, 19, 11, 3, Type.BYTE);
  }

  @Test
  void tiffDateTimeIsTheCaptureTimeInUtc() throws Exception {
    Path tif = Gdal.translate(dir, "dated", raster(), "-a_srs", "EPSG:4326", "-a_ullr", "10", "50", "10.1", "49.9",
        "-mo", "TIFFTAG_DATETIME=2024:05:06 07:08:09");

    GeoTile tile = GeoTiffReader.read(tif, TileOptions.defaults());

    assertThat(tile.captured()).contains(Instant.parse("2024-05-06T07:08:09Z"));
  }

  @Test
  void acquisitionTimeInGdalMetadataWinsOverDateTime() throws Exception {
    Path tif = Gdal.translate(dir, "acquired", raster(), "-a_srs", "EPSG:4326", "-a_ullr", "10", "50", "10.1", "49.9",
        "-mo", "TIFFTAG_DATETIME=2024:05:06 07:08:09", "-mo", "ACQUISITIONDATETIME=2023-01-02T03:04:05Z");

    GeoTile tile = GeoTiffReader.read(tif, TileOptions.defaults());

    assertThat(tile.captured()).contains(Instant.parse("2023-01-02T03:04:05Z"));
  }

  @Test
  void rotatedTileUsesModelTransformation() throws Exception {
    Path vrt = Gdal.translate(dir, "north-up", raster(), "-of", "VRT", "-a_srs", "EPSG:32633");
    // A 20-degree rotation with 10 m pixels: GDAL writes it as ModelTransformationTag, tiepoints cannot say it.
    double cos = 10 * Math.cos(Math.toRadians(20));
    double sin = 10 * Math.sin(Math.toRadians(20));
    String text = Files.readString(vrt).replaceAll("<GeoTransform>[^<]*</GeoTransform>",
        "<GeoTransform>500000, " + cos + ", " + sin + ", 5000000, " + sin + ", " + (-cos) + "</GeoTransform>");
    if (!text.contains("<GeoTransform>")) {
      text = text.replace("<SRS", "<GeoTransform>500000, " + cos + ", " + sin + ", 5000000, " + sin + ", " + (-cos)
          + "</GeoTransform><SRS");
    }
    Files.writeString(vrt, text);
    Path tif = dir.resolve("rotated.tif");
    Gdal.run(List.of("gdal_translate", "-q", vrt.toString(), tif.toString()));

    GeoTile tile = GeoTiffReader.read(tif, TileOptions.defaults());

    GeoTiffGdalTest.assertFootprintMatchesGdal(tif, "EPSG:32633", tile);
  }

  @Test
  void tileWithoutGeoreferenceHasNoFootprintOrCrs() throws Exception {
    Path tif = Gdal.translate(dir, "plain", raster(), "-co", "COMPRESS=DEFLATE");

    GeoTile tile = GeoTiffReader.read(tif, TileOptions.defaults().withStretch(Stretch.none()));

    assertThat(tile.footprint()).isEmpty();
    assertThat(tile.crs()).isEmpty();
    assertThat(tile.captured()).isEmpty();
    assertThat(tile.rgb().getRGB(0, 0) & 0xffffff).isEqualTo(
        ((int) raster().values()[0][0] << 16) | ((int) raster().values()[1][0] << 8) | (int) raster().values()[2][0]);
  }

  @Test
  void nodataPixelsAreBlackAndLeftOutOfTheStretch() throws Exception {
    TestRaster raster = TestRaster.random(3, 13, 9, 1, Type.UINT16);
    raster.values()[0][0] = 65535;
    Path tif = Gdal.translate(dir, "nodata", raster, "-a_nodata", "65535");

    GeoTile tile = GeoTiffReader.read(tif, TileOptions.defaults().withStretch(Stretch.minMax()));

    assertThat(tile.rgb().getRGB(0, 0) & 0xffffff).isZero();
    int brightest = 0;
    int darkest = 255;
    for (int i = 1; i < raster.values()[0].length; i++) {
      int grey = tile.rgb().getRGB(i % 13, i / 13) & 0xff;
      brightest = Math.max(brightest, grey);
      darkest = Math.min(darkest, grey);
    }
    assertThat(brightest).isEqualTo(255);
    assertThat(darkest).isZero();
  }
}
