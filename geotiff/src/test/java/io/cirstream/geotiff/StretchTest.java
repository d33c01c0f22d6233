package io.cirstream.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StretchTest {

  private static float[] oneToHundred() {
    float[] values = new float[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i;
    }
    return values;
  }

  @Test
  void percentileClipsAtNearestRanks() {
    BandStretch s = BandStretch.of(oneToHundred(), Stretch.DEFAULT, true, OptionalDouble.empty());

    assertThat(s.lo()).isEqualTo(2);
    assertThat(s.hi()).isEqualTo(98);
    assertThat(s.toByte(1)).isZero();
    assertThat(s.toByte(2)).isZero();
    assertThat(s.toByte(50)).isEqualTo(Math.round(48 * 255 / 96.0));
    assertThat(s.toByte(99)).isEqualTo(255);
  }

  @Test
  void floatPercentilesAreExactToo() {
    float[] values = oneToHundred();
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] / 1000f + 0.5f;
    }
    BandStretch s = BandStretch.of(values, Stretch.percentile(10, 90), false, OptionalDouble.empty());

    assertThat(s.lo()).isEqualTo(0.010f + 0.5f);
    assertThat(s.hi()).isEqualTo(0.090f + 0.5f);
  }

  @Test
  void minMaxAndNone() {
    BandStretch minMax = BandStretch.of(oneToHundred(), Stretch.minMax(), true, OptionalDouble.empty());
    BandStretch none = BandStretch.of(oneToHundred(), Stretch.none(), true, OptionalDouble.empty());

    assertThat(minMax.toByte(1)).isZero();
    assertThat(minMax.toByte(100)).isEqualTo(255);
    assertThat(none.toByte(100)).isEqualTo(100);
    assertThat(none.toByte(4000)).isEqualTo(255);
    assertThat(none.toByte(-3)).isZero();
  }

  @Test
  void nodataAndNanAreBlackAndIgnored() {
    float[] values = {0, 10, 20, Float.NaN};
    BandStretch s = BandStretch.of(values, Stretch.minMax(), false, OptionalDouble.of(0));

    assertThat(s.lo()).isEqualTo(10);
    assertThat(s.toByte(0)).isZero();
    assertThat(s.toByte(Float.NaN)).isZero();
    assertThat(s.toByte(20)).isEqualTo(255);
  }

  @Test
  void aFlatBandFallsBackToThePlainCast() {
    BandStretch s = BandStretch.of(new float[] {7, 7, 7}, Stretch.DEFAULT, true, OptionalDouble.empty());

    assertThat(s.toByte(7)).isEqualTo(7);
  }

  @Test
  void parsesConfigurationValues() {
    assertThat(Stretch.parse("percentile")).isEqualTo(Stretch.DEFAULT);
    assertThat(Stretch.parse(" Percentile:1, 99 ")).isEqualTo(Stretch.percentile(1, 99));
    assertThat(Stretch.parse("minmax")).isEqualTo(Stretch.minMax());
    assertThat(Stretch.parse("none")).isEqualTo(Stretch.none());
    assertThat(Stretch.parse(Stretch.percentile(1, 99).toString())).isEqualTo(Stretch.percentile(1, 99));
    assertThatThrownBy(() -> Stretch.parse("gamma")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stretch.parse("percentile:98,2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tileOptionsCheckBands() {
    assertThat(TileOptions.parseBands("4, 3,2")).containsExactly(4, 3, 2);
    assertThat(TileOptions.parseBands(" ")).isEmpty();
    assertThat(TileOptions.defaults().withBands(4, 3, 2)).isEqualTo(TileOptions.defaults().withBands(4, 3, 2));
    assertThatThrownBy(() -> TileOptions.defaults().withBands(1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileOptions.defaults().withBands(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileOptions.defaults().withMaxSamples(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void captureTimesParseAsUtc() {
    assertThat(CaptureTime.parse("2024:05:06 07:08:09")).hasValueSatisfying(
        t -> assertThat(t.toString()).isEqualTo("2024-05-06T07:08:09Z"));
    assertThat(CaptureTime.parse("2024-05-06T07:08:09+02:00")).hasValueSatisfying(
        t -> assertThat(t.toString()).isEqualTo("2024-05-06T05:08:09Z"));
    assertThat(CaptureTime.parse("2024-05-06T07:08:09")).isPresent();
    assertThat(CaptureTime.parse("    :  :     :  :  ")).isEmpty();
  }
}
