package io.cirstream.embedder.stream;

import io.cirstream.contract.event.BoundingBox;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GeoPoint;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.geotiff.Footprint;
import io.cirstream.geotiff.GeoTile;
import io.cirstream.geotiff.LonLat;
import org.junit.jupiter.api.Test;

import io.cirstream.geotiff.TileOptions;
import io.cirstream.imaging.ImageLimits;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SatelliteTilesTest {
    private static final byte[] TIFF = {'I', 'I', 42, 0};
    private static final Instant TILE_TIME = Instant.parse("2024-05-01T10:30:00Z");

    private static GeoTile tile(double west, double east) {
        List<LonLat> corners = List.of(new LonLat(west, 42), new LonLat(east, 42), new LonLat(east, 41),
                new LonLat(west, 41));
        return new GeoTile(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
                Optional.of(new Footprint(corners, west, 41, east, 42, new LonLat((west + east) / 2, 41.5))),
                Optional.of(TILE_TIME), 3, 8, Optional.of("EPSG:4326"));
    }

    private static GalleryEvent event(ImageMetadata metadata) {
        return GalleryEvent.upsert("t", ImageRef.inline(TIFF, "image/tiff"), metadata, 1);
    }

    @Test
    void aDamagedTileIsDeadLetteredWithItsReasonOnce() {
        SatelliteTiles tiles = new SatelliteTiles(TileOptions.defaults());
        assertThatThrownBy(() -> tiles.decode(event(ImageMetadata.inCollection("c")), TIFF, ImageLimits.DEFAULT))
                .isInstanceOf(RejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).matches("(TRUNCATED|CORRUPT): (?!TRUNCATED|CORRUPT).*"));
    }

    @Test
    void aTileOverThePixelLimitIsRefusedWithTheImageReason() throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        assertThat(ImageIO.write(new BufferedImage(65, 64, BufferedImage.TYPE_INT_RGB), "tiff", tiff)).isTrue();
        SatelliteTiles tiles = new SatelliteTiles(TileOptions.defaults());
        assertThatThrownBy(() -> tiles.decode(event(ImageMetadata.inCollection("c")), tiff.toByteArray(),
                new ImageLimits(1 << 20, 64 * 64)))
                .isInstanceOf(RejectedException.class)
                .hasMessage("TOO_MANY_PIXELS: the tile is 65x64, the limit is 4096 pixels");
        assertThatThrownBy(() -> tiles.decode(event(ImageMetadata.inCollection("c")), tiff.toByteArray(),
                new ImageLimits(100, 1 << 20)))
                .isInstanceOf(RejectedException.class)
                .hasMessage("TOO_MANY_BYTES: the tile is " + tiff.size() + " bytes, the limit is 100");
    }

    @Test
    void fillsCentreBoxAndTimeWhenTheEventHasNone() {
        ImageMetadata m = SatelliteTiles.withTileMetadata(event(ImageMetadata.inCollection("c")), tile(12, 13))
                .metadata();
        assertThat(m.geo()).isEqualTo(new GeoPoint(41.5, 12.5));
        assertThat(m.bbox()).isEqualTo(new BoundingBox(12, 41, 13, 42));
        assertThat(m.capturedAt()).isEqualTo(TILE_TIME);
        assertThat(m.collection()).isEqualTo("c");
    }

    @Test
    void theProducersValuesWin() {
        Instant own = Instant.parse("2020-01-01T00:00:00Z");
        ImageMetadata given = new ImageMetadata("c", null, own, new GeoPoint(1, 2), new BoundingBox(1, 1, 3, 3),
                null, null, null);
        assertThat(SatelliteTiles.withTileMetadata(event(given), tile(12, 13)).metadata()).isEqualTo(given);
    }

    @Test
    void aFootprintAcrossTheAntimeridianIsLeftOutNotGuessed() {
        ImageMetadata m = SatelliteTiles.withTileMetadata(event(ImageMetadata.inCollection("c")), tile(179.5, -179.5))
                .metadata();
        assertThat(m.bbox()).isNull();
        assertThat(m.geo()).isNull();
        assertThat(m.capturedAt()).isEqualTo(TILE_TIME);
    }
}
