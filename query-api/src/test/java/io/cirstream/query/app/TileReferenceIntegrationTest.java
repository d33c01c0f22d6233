package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.geotiff.GeoTiffReader;
import io.cirstream.geotiff.Stretch;
import io.cirstream.geotiff.TileKeys;
import io.cirstream.geotiff.TileOptions;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A satellite tile (a GDAL-written 4-band 16-bit GeoTIFF, the kind the embedder indexes) uploaded as the reference is
 * rendered with the embedder's tile keys, so its vector is the one the embedder gives the same file; a damaged
 * TIFF is a 4xx with the reader's reason.
 */
@IntegrationTest
class TileReferenceIntegrationTest {
    private static final int SIZE = 48;
    private static ApiFixture api;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        // Not the defaults: the API must render with the configured bands and stretch, not some of its own.
        api = ApiFixture.start(Map.of(TileKeys.BANDS.name(), "3,2,1", TileKeys.STRETCH.name(), "minmax"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void uploadedTileIsEncodedAsTheEmbedderRendersIt() throws Exception {
        byte[] tile = gdalTile(dir, 11);
        TileOptions embedderWay = new TileOptions(new int[] {3, 2, 1}, Stretch.parse("minmax"),
                TileOptions.DEFAULT_MAX_SAMPLES);
        assertThat(api.config.tiles()).isEqualTo(embedderWay);
        float[] expected = api.runtime.images().encode(List.of(GeoTiffReader.read(tile, embedderWay).rgb())).getFirst();

        ApiFixture.Response response = api.postMultipart("/v1/search",
                Map.of("request", "{\"method\":\"image\",\"k\":5,\"explain\":true}"), "image", tile);

        assertThat(response.status()).as(response.json().toString()).isEqualTo(200);
        JsonNode results = response.json().path("results");
        assertThat(results.size()).isEqualTo(5);
        // explain.image is the cosine of the reference's vector with each hit's: equal for five hits, equal vectors.
        for (JsonNode result : results) {
            float[] stored = api.gallery.images.get(result.path("id").asText()).vector();
            assertThat(result.path("explain").path("image").asDouble()).as(result.path("id").asText())
                    .isCloseTo(CompositionOracle.cosine(stored, expected), within(1e-4));
        }
    }

    @Test
    void corruptTiffIsA4xxWithTheReason() {
        byte[] corrupt = new byte[256];
        new SplittableRandom(5).nextBytes(corrupt);
        System.arraycopy(new byte[] {'I', 'I', 42, 0}, 0, corrupt, 0, 4);

        ApiFixture.Response response = api.postMultipart("/v1/search", Map.of("request", "{\"method\":\"image\"}"),
                "image", corrupt);

        ErrorsIntegrationTest.assertError(response, 400, "corrupt_image");
        assertThat(response.json().path("error").path("message").asText()).containsAnyOf("CORRUPT", "TRUNCATED");
    }

    /** A 4-band unsigned 16-bit tile (reflectance-like values, not displayable as they are) written by gdal_translate. */
    private static byte[] gdalTile(Path dir, long seed) throws Exception {
        for (String tool : List.of("/usr/bin/gdal_translate", "/usr/local/bin/gdal_translate")) {
            if (Files.isExecutable(Path.of(tool))) {
                return gdalTile(dir, seed, tool);
            }
        }
        throw new AssertionError("gdal_translate not found: this test needs Debian's gdal-bin");
    }

    private static byte[] gdalTile(Path dir, long seed, String gdalTranslate) throws Exception {
        ByteBuffer raw = ByteBuffer.allocate(SIZE * SIZE * 4 * 2).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom random = new SplittableRandom(seed);
        for (int band = 0; band < 4; band++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                // A gradient per band with noise: the stretch and the band order both change the picture.
                raw.putShort((short) (200 + band * 900 + (i % SIZE) * 40 + random.nextInt(300)));
            }
        }
        Files.write(dir.resolve("tile.raw"), raw.array());
        Files.writeString(dir.resolve("tile.hdr"), "ENVI\nsamples = " + SIZE + "\nlines = " + SIZE + "\nbands = 4\n"
                + "header offset = 0\nfile type = ENVI Standard\ndata type = 12\ninterleave = bsq\nbyte order = 0\n");
        Path tif = dir.resolve("tile.tif");
        Process gdal = new ProcessBuilder(gdalTranslate, "-q", "-of", "GTiff", "-a_srs", "EPSG:4326",
                "-a_ullr", "12.5", "41.9", "12.537", "41.877", dir.resolve("tile.raw").toString(), tif.toString())
                .redirectErrorStream(true).start();
        String output = new String(gdal.getInputStream().readAllBytes());
        assertThat(gdal.waitFor(60, TimeUnit.SECONDS)).as("gdal_translate finished").isTrue();
        assertThat(gdal.exitValue()).as(output).isZero();
        byte[] bytes = Files.readAllBytes(tif);
        assertThat(Arrays.copyOf(bytes, 2)).containsExactly('I', 'I');
        return bytes;
    }
}
