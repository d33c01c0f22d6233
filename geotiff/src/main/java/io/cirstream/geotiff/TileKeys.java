package io.cirstream.geotiff;

import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.Settings;

import java.util.List;

/**
 * The configuration keys of {@link TileOptions}, in one place because two services read them: the embedder renders
 * gallery tiles with them and the query API renders a reference tile with them. Both must use the same values, or a
 * tile searched for itself gets a different vector; hence one set of names ({@code embedder.tiles.*}, the embedder's
 * since it came first) and one builder.
 */
public final class TileKeys {

  public static final ConfigKey<int[]> BANDS = new ConfigKey<>("embedder.tiles.bands", "",
      TileOptions::parseBands, false, "one-based TIFF bands shown as R,G,B (e.g. 4,3,2) or one band as grey;"
          + " empty: 1,2,3 when the tile has three or more, else 1 (docs/satellite-tiles.md)");
  public static final ConfigKey<Stretch> STRETCH = new ConfigKey<>("embedder.tiles.stretch", "percentile",
      Stretch::parse, false, "how tile bands become 8 bits: percentile[:LOW,HIGH] (default 2,98), minmax or none");
  public static final ConfigKey<Long> MAX_SAMPLES = ConfigKey.longValue("embedder.tiles.max-samples",
      TileOptions.DEFAULT_MAX_SAMPLES, 1, Integer.MAX_VALUE - 8,
      "largest tile accepted, width x height x bands, refused before pixels are allocated");

  public static final List<ConfigKey<?>> KEYS = List.of(BANDS, STRETCH, MAX_SAMPLES);

  private TileKeys() {
  }

  /** The tile options these settings give, or a {@link ConfigException} naming the bad key. */
  public static TileOptions tileOptions(Settings settings) {
    try {
      return new TileOptions(settings.get(BANDS), settings.get(STRETCH), settings.get(MAX_SAMPLES));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid " + BANDS.name() + ": " + e.getMessage());
    }
  }
}
