package io.cirstream.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.cirstream.geotiff.TestRaster.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of GDAL-written tiles: every mutant either reads or is refused with a {@link GeoTiffException};
 * nothing else escapes (no index exception, no OutOfMemoryError, no hang: the test's own timeout would catch it).
 */
class GeoTiffFuzzTest {
  private static final long SEED = 20_240_517L;
  private static final int MUTANTS_PER_FIXTURE = 1000;
  private static final long[] INTERESTING = {0, 1, 0x7f, 0xff, 0xffff, 0x7fff_ffffL, 0xffff_ffffL, 8, 16, 42};

  @TempDir
  Path dir;

  @BeforeAll
  static void gdal() {
    Gdal.require();
  }

  @Test
  void mutantsReadOrFailCleanly() throws Exception {
    byte[][] fixtures = {
        fixture("striped", Type.BYTE, 3, "-a_srs", "EPSG:3857", "-co", "COMPRESS=DEFLATE", "-co", "BLOCKYSIZE=4"),
        fixture("cog", Type.UINT16, 4, "-a_srs", "EPSG:32633", "-of", "COG", "-co", "COMPRESS=LZW",
            "-co", "BLOCKSIZE=16"),
        fixture("planar", Type.INT16, 3, "-a_srs", "EPSG:4326", "-co", "TILED=YES", "-co", "BLOCKXSIZE=16",
            "-co", "BLOCKYSIZE=16", "-co", "INTERLEAVE=BAND", "-co", "COMPRESS=PACKBITS",
            "-mo", "TIFFTAG_DATETIME=2024:05:06 07:08:09")};
    SplittableRandom random = new SplittableRandom(SEED);
    Map<GeoTiffException.Reason, Integer> refused = new EnumMap<>(GeoTiffException.Reason.class);
    int read = 0;
    TileOptions options = TileOptions.defaults().withMaxSamples(1 << 20);
    for (byte[] fixture : fixtures) {
      assertThat(GeoTiffReader.read(fixture, options).crs()).isPresent();
      for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
        byte[] mutant = mutate(fixture, random);
        try {
          GeoTiffReader.read(mutant, options);
          read++;
        } catch (GeoTiffException e) {
          refused.merge(e.reason(), 1, Integer::sum);
        } catch (RuntimeException | Error e) {
          fail("mutant " + i + " (seed " + SEED + ") threw " + e, e);
        }
      }
    }
    System.out.printf("GeoTiffFuzzTest: %d mutants, %d read, refused %s%n",
        fixtures.length * MUTANTS_PER_FIXTURE, read, refused);
    assertThat(refused).isNotEmpty();
  }

  private byte[] fixture(String name, Type type, int bands, String... args) throws Exception {
    return Files.readAllBytes(Gdal.translate(dir, name, TestRaster.random(name.hashCode(), 37, 23, bands, type),
        args));
  }

  /** One of: flipped bytes, a structural word set to an edge value, a truncation, or a copied run of bytes. */
  private static byte[] mutate(byte[] original, SplittableRandom random) {
    byte[] out = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int k = random.nextInt(1, 5); k > 0; k--) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        int at = structuralOffset(out, random);
        long value = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : random.nextLong();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(Math.min(at, out.length - 4), (int) value);
      }
      case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
      default -> {
        int from = random.nextInt(out.length);
        int to = random.nextInt(out.length);
        int len = Math.min(random.nextInt(1, 64), Math.min(out.length - from, out.length - to));
        System.arraycopy(original, from, out, to, len);
      }
    }
    return out;
  }

  /** Mostly inside the first IFD, where counts, types and offsets live; sometimes anywhere. */
  private static int structuralOffset(byte[] file, SplittableRandom random) {
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int ifd = buffer.getInt(4);
    if (random.nextInt(4) == 0 || ifd < 8 || ifd >= file.length - 2) {
      return random.nextInt(file.length - 4);
    }
    int entries = buffer.getShort(ifd) & 0xffff;
    return ifd + 2 + random.nextInt(Math.max(1, entries * 12));
  }
}
