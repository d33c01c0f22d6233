package io.cirstream.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cirstream.geotiff.GeoTiffException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Damaged and hostile files end in a {@link GeoTiffException} with the right reason, before any large allocation. */
class GeoTiffHostileTest {
  private static final TileOptions OPTIONS = TileOptions.defaults();

  private static void assertRefused(byte[] file, Reason reason) {
    assertThatThrownBy(() -> GeoTiffReader.read(file, OPTIONS)).isInstanceOf(GeoTiffException.class)
        .satisfies(e -> assertThat(((GeoTiffException) e).reason()).isEqualTo(reason));
  }

  @Test
  void aValidHandMadeTileReads() throws Exception {
    GeoTile tile = GeoTiffReader.read(TinyTiff.grey(4, 3, 0, Map.of()), OPTIONS.withStretch(Stretch.none()));

    assertThat(tile.width()).isEqualTo(4);
    assertThat(tile.rgb().getRGB(3, 2) & 0xffffff).isEqualTo(0x0b0b0b);
    assertThat(tile.footprint()).isEmpty();
  }

  @Test
  void sniffsTiffHeads() {
    assertThat(GeoTiffReader.isTiff(new byte[] {'I', 'I', 42, 0})).isTrue();
    assertThat(GeoTiffReader.isTiff(new byte[] {'M', 'M', 0, 42, 0, 0})).isTrue();
    assertThat(GeoTiffReader.isTiff(new byte[] {'I', 'I', 43, 0})).isTrue();
    assertThat(GeoTiffReader.isTiff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})).isFalse();
    assertThat(GeoTiffReader.isTiff(new byte[] {'I', 'I', 42})).isFalse();
    assertThat(GeoTiffReader.isTiff(null)).isFalse();
  }

  @Test
  void refusesWhatIsNotATiff() {
    assertRefused("not a tiff at all".getBytes(StandardCharsets.US_ASCII), Reason.NOT_TIFF);
    assertRefused(new byte[0], Reason.NOT_TIFF);
  }

  @Test
  void refusesHugeDeclaredDimensionsBeforeAllocating() {
    assertRefused(TinyTiff.grey(100_000, 100_000, 0, Map.of()), Reason.TOO_LARGE);
    assertRefused(TinyTiff.grey(4, 3, 0, Map.of(256, 0xffff_ffffL, 257, 0xffff_ffffL, 277, 0xffffL)), Reason.TOO_LARGE);
    assertRefused(TinyTiff.grey(4, 3, 0, Map.of(322, 1L << 20, 323, 1L << 20, 324, 200L, 325, 12L)), Reason.TOO_LARGE);
  }

  @Test
  void refusesOverTheCallersLimitsFromTheHeaderBeforeAnyPixelIsRead() throws Exception {
    // 2000x2000 declared, 64 KiB of pixels present: a read would end TRUNCATED after allocating 16 MB of planes;
    // the pixel limit refuses it from the header first.
    byte[] declaredHuge = TinyTiff.grey(2000, 2000, 0, Map.of());
    assertThatThrownBy(() -> GeoTiffReader.read(declaredHuge, OPTIONS, Long.MAX_VALUE, 64 * 64))
        .isInstanceOf(GeoTiffException.class).hasMessage("TOO_MANY_PIXELS: the tile is 2000x2000, the limit is 4096 pixels")
        .satisfies(e -> assertThat(((GeoTiffException) e).reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
    byte[] small = TinyTiff.grey(4, 3, 0, Map.of());
    assertThatThrownBy(() -> GeoTiffReader.read(small, OPTIONS, small.length - 1, Long.MAX_VALUE))
        .isInstanceOf(GeoTiffException.class).hasMessageStartingWith("TOO_MANY_BYTES: the tile is " + small.length);
    assertThat(GeoTiffReader.read(small, OPTIONS, small.length, 12).width()).isEqualTo(4);
  }

  @Test
  void honoursAConfiguredSampleLimit() {
    byte[] file = TinyTiff.grey(64, 64, 0, Map.of());
    assertThatThrownBy(() -> GeoTiffReader.read(file, OPTIONS.withMaxSamples(64 * 64 - 1)))
        .isInstanceOf(GeoTiffException.class).hasMessageContaining("exceed the limit of 4095");
  }

  @Test
  void refusesLoopsInTheIfdChain() {
    // A reduced-resolution page whose next page is itself: the reader must walk on, and must stop.
    assertRefused(TinyTiff.grey(4, 3, 8, Map.of(254, 1L)), Reason.CORRUPT);
  }

  @Test
  void refusesOffsetsOutsideTheFile() {
    assertRefused(TinyTiff.grey(4, 3, 0, Map.of(273, 1L << 30)), Reason.TRUNCATED);
    assertRefused(TinyTiff.grey(4, 3, 0, Map.of(279, 1L << 30)), Reason.TRUNCATED);
    byte[] badIfd = TinyTiff.grey(4, 3, 0, Map.of());
    badIfd[4] = (byte) 0xf0;
    assertRefused(badIfd, Reason.TRUNCATED);
  }

  @Test
  void refusesTruncatedFiles() {
    byte[] file = TinyTiff.grey(16, 16, 0, Map.of());
    for (int length : new int[] {4, 8, 9, 40, 150, file.length - 1}) {
      assertThatThrownBy(() -> GeoTiffReader.read(Arrays.copyOf(file, length), OPTIONS))
          .as("first %d bytes", length).isInstanceOf(GeoTiffException.class);
    }
  }

  @Test
  void refusesUnsupportedLayoutsAndBands() {
    assertRefused(TinyTiff.grey(4, 3, 0, Map.of(259, 7L)), Reason.UNSUPPORTED);
    assertRefused(TinyTiff.grey(4, 3, 0, Map.of(258, 12L)), Reason.UNSUPPORTED);
    assertRefused(TinyTiff.grey(4, 3, 0, Map.of(317, 3L)), Reason.UNSUPPORTED);
    assertThatThrownBy(() -> GeoTiffReader.read(TinyTiff.grey(4, 3, 0, Map.of()), OPTIONS.withBands(2)))
        .isInstanceOf(GeoTiffException.class).hasMessageContaining("BAD_BANDS: band 2 of a 1-band tile");
  }
}
