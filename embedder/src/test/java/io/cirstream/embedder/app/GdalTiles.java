package io.cirstream.embedder.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Satellite tiles written by GDAL, the reference implementation (Debian's gdal-bin, installed by
 * {@code ./cirstream test}): a random 3-band 8-bit raster as ENVI, converted by {@code gdal_translate} with the CRS,
 * corners and metadata given; {@code gdalinfo -json} says where GDAL puts it. The geotiff module's tests compare
 * pixels and footprints in depth; this only makes tiles for the end-to-end filters.
 */
final class GdalTiles {
    static final int SIZE = 64;

    /** A written tile and GDAL's WGS84 box around it (from {@code wgs84Extent}). */
    record Tile(byte[] bytes, double west, double south, double east, double north) {
        double centreLon() {
            return (west + east) / 2;
        }

        double centreLat() {
            return (south + north) / 2;
        }
    }

    private GdalTiles() {
    }

    /** Fails, rather than skips, without GDAL: a green run must have used it. */
    static void require() {
        for (String tool : List.of("gdal_translate", "gdalinfo")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool)) && !Files.isExecutable(Path.of("/usr/local/bin", tool))) {
                fail(tool + " not found: these tests need Debian's gdal-bin (`./cirstream test` installs it)");
            }
        }
    }

    /** A tile in {@code srs} with corners {@code ulx uly lrx lry} (gdal_translate -a_ullr), plus extra options. */
    static Tile write(Path dir, String name, long seed, String srs, double[] ullr, String... options) throws IOException {
        Path raw = dir.resolve(name + ".raw");
        byte[] pixels = new byte[SIZE * SIZE * 3];
        new SplittableRandom(seed).nextBytes(pixels);
        Files.write(raw, pixels);
        Files.writeString(dir.resolve(name + ".hdr"), "ENVI\nsamples = " + SIZE + "\nlines = " + SIZE
                + "\nbands = 3\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bsq\n"
                + "byte order = 0\n");
        Path tif = dir.resolve(name + ".tif");
        List<String> command = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "GTiff", "-a_srs", srs,
                "-a_ullr", Double.toString(ullr[0]), Double.toString(ullr[1]), Double.toString(ullr[2]),
                Double.toString(ullr[3])));
        command.addAll(List.of(options));
        command.addAll(List.of(raw.toString(), tif.toString()));
        run(command);
        JsonNode ring = Json.mapper().readTree(run(List.of("gdalinfo", "-json", tif.toString())))
                .path("wgs84Extent").path("coordinates").path(0);
        double west = Double.POSITIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        for (JsonNode point : ring) {
            west = Math.min(west, point.get(0).asDouble());
            east = Math.max(east, point.get(0).asDouble());
            south = Math.min(south, point.get(1).asDouble());
            north = Math.max(north, point.get(1).asDouble());
        }
        if (ring.isEmpty()) {
            fail("gdalinfo gave no wgs84Extent for " + tif);
        }
        return new Tile(Files.readAllBytes(tif), west, south, east, north);
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(command.getFirst() + " did not finish in 2 minutes");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
    }
}
