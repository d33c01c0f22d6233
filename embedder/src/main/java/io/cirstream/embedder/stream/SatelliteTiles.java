package io.cirstream.embedder.stream;

import io.cirstream.contract.event.BoundingBox;
import io.cirstream.contract.event.DeadLetterStage;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GeoPoint;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.geotiff.Footprint;
import io.cirstream.geotiff.GeoTiffException;
import io.cirstream.geotiff.GeoTiffReader;
import io.cirstream.geotiff.GeoTile;
import io.cirstream.geotiff.TileOptions;
import io.cirstream.imaging.ImageLimits;

import java.time.Instant;

/**
 * Decodes TIFF images (GeoTIFF and COG satellite tiles, sniffed by {@link GeoTiffReader#isTiff}) with the geotiff
 * module: the configured bands and stretch to 8-bit RGB, and what the tile knows about itself filled into the
 * event's metadata where the producer left it empty: {@code geo} (the footprint's centre, which the {@code near} and
 * {@code bbox} filters use), {@code bbox} (the footprint's box) and {@code captured_at}.
 */
final class SatelliteTiles {
    private final TileOptions options;

    SatelliteTiles(TileOptions options) {
        this.options = options;
    }

    static boolean isTile(byte[] bytes) {
        return GeoTiffReader.isTiff(bytes);
    }

    ImageLoader.Decoded decode(GalleryEvent event, byte[] bytes, ImageLimits limits) throws RejectedException {
        GeoTile tile;
        try {
            tile = GeoTiffReader.read(bytes, options, limits.maxBytes(), limits.maxPixels());
        } catch (GeoTiffException e) {
            // The message starts with the reason (TOO_MANY_PIXELS: ..., CORRUPT: ...), as an image's does.
            throw new RejectedException(DeadLetterStage.IMAGE, e.getMessage());
        }
        return new ImageLoader.Decoded(withTileMetadata(event, tile), tile.rgb());
    }

    /** The event with the tile's centre, box and capture time where the event has none; the producer's values win. */
    static GalleryEvent withTileMetadata(GalleryEvent event, GeoTile tile) {
        ImageMetadata m = event.metadata();
        GeoPoint geo = m.geo();
        BoundingBox bbox = m.bbox();
        if (tile.footprint().isPresent()) {
            Footprint f = tile.footprint().get();
            try {
                geo = geo != null ? geo : new GeoPoint(f.centre().lat(), f.centre().lon());
                bbox = bbox != null ? bbox : new BoundingBox(f.west(), f.south(), f.east(), f.north());
            } catch (IllegalArgumentException e) {
                // A footprint off the globe or across the antimeridian (west > east): better none than a wrong one.
                geo = m.geo();
                bbox = m.bbox();
            }
        }
        Instant captured = m.capturedAt() != null ? m.capturedAt() : tile.captured().orElse(null);
        ImageMetadata filled;
        try {
            filled = new ImageMetadata(m.collection(), m.category(), captured, geo, bbox, m.source(), m.tags(),
                    m.attributes());
        } catch (IllegalArgumentException e) {
            // A tile time outside what the index accepts (year 1 to the event-time bound): left out, not guessed.
            filled = new ImageMetadata(m.collection(), m.category(), m.capturedAt(), geo, bbox, m.source(), m.tags(),
                    m.attributes());
        }
        return new GalleryEvent(event.schema(), event.op(), event.id(), event.image(), filled, event.eventTime());
    }
}
