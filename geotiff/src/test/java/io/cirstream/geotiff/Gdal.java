package io.cirstream.geotiff;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GDAL's command-line tools as the reference: fixtures are written by gdal_translate from raw rasters the test
 * made itself, and footprints are checked against gdalinfo and gdaltransform. Needs Debian's gdal-bin.
 */
final class Gdal {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Gdal() {
  }

  /** Fails, rather than skips, without GDAL: a green run must have checked against it. */
  static void require() {
    for (String tool : List.of("gdal_translate", "gdalinfo", "gdaltransform")) {
      if (!onPath(tool)) {
        fail(tool + " not found: these tests need Debian's gdal-bin; `./cirstream test` installs it "
            + "(or: apt-get install gdal-bin)");
      }
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes the raster as ENVI (raw band-sequential little-endian plus a .hdr) and converts it with gdal_translate.
   *
   * @param args gdal_translate options (-of, -co, -a_srs, -a_ullr, -mo ...)
   */
  static Path translate(Path dir, String name, TestRaster raster, String... args) throws IOException {
    Path raw = writeEnvi(dir, name, raster);
    Path tif = dir.resolve(name + ".tif");
    List<String> command = new ArrayList<>(List.of("gdal_translate", "-q"));
    command.addAll(List.of(args));
    command.add(raw.toString());
    command.add(tif.toString());
    run(command);
    return tif;
  }

  static Path writeEnvi(Path dir, String name, TestRaster raster) throws IOException {
    Path raw = dir.resolve(name + ".raw");
    ByteBuffer buffer = ByteBuffer.allocate(raster.width() * raster.height() * raster.bands() * raster.type().bytes())
        .order(ByteOrder.LITTLE_ENDIAN);
    for (double[] band : raster.values()) {
      for (double v : band) {
        raster.type().put(buffer, v);
      }
    }
    Files.write(raw, buffer.array());
    Files.writeString(dir.resolve(name + ".hdr"), "ENVI\nsamples = " + raster.width() + "\nlines = " + raster.height()
        + "\nbands = " + raster.bands() + "\nheader offset = 0\nfile type = ENVI Standard\ndata type = "
        + raster.type().enviCode() + "\ninterleave = bsq\nbyte order = 0\n");
    return raw;
  }

  static JsonNode info(Path tif) throws IOException {
    return JSON.readTree(run(List.of("gdalinfo", "-json", tif.toString())));
  }

  /** Points from {@code srs} to WGS84 longitude/latitude through GDAL (PROJ). */
  static double[][] toWgs84(String srs, double[][] points) throws IOException {
    StringBuilder input = new StringBuilder();
    for (double[] p : points) {
      input.append(p[0]).append(' ').append(p[1]).append('\n');
    }
    String out = run(List.of("gdaltransform", "-s_srs", srs, "-t_srs", "EPSG:4326", "-output_xy"), input.toString());
    String[] lines = out.strip().split("\n");
    double[][] result = new double[lines.length][];
    for (int i = 0; i < lines.length; i++) {
      String[] xy = lines[i].trim().split("\\s+");
      result[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }
    return result;
  }

  static String run(List<String> command) throws IOException {
    return run(command, "");
  }

  private static String run(List<String> command, String stdin) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail(command.get(0) + " did not finish in 2 minutes");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }
}
