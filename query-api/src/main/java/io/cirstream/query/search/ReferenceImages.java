package io.cirstream.query.search;

import io.cirstream.geotiff.GeoTiffException;
import io.cirstream.geotiff.GeoTiffReader;
import io.cirstream.geotiff.TileOptions;
import io.cirstream.model.ImageEncoder;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.imaging.ImageRejectedException;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Decodes (with the ingest limits) and encodes a reference image sent by the user. Blocking. TIFFs (GeoTIFF and COG
 * satellite tiles) are rendered by the geotiff module with the embedder's {@link TileOptions}, as the embedder
 * renders gallery tiles: other bands or another stretch would give the same tile another vector.
 */
public final class ReferenceImages {

    private final ImageEncoder encoder;
    private final ImageLimits limits;
    private final TileOptions tiles;

    public ReferenceImages(ImageEncoder encoder, ImageLimits limits, TileOptions tiles) {
        this.encoder = encoder;
        this.limits = limits;
        this.tiles = tiles;
    }

    public float[] embed(byte[] bytes) {
        return embed(decode(bytes));
    }

    public float[] embed(BufferedImage image) {
        return encoder.encode(List.of(image)).getFirst();
    }

    /** Decodes or throws the {@link QueryError} that says why the image is refused (400, 413 or 415). */
    public BufferedImage decode(byte[] bytes) {
        if (GeoTiffReader.isTiff(bytes)) {
            return decodeTile(bytes);
        }
        try {
            return ImageDecoder.decode(bytes, limits);
        } catch (ImageRejectedException e) {
            throw rejected(e);
        }
    }

    private BufferedImage decodeTile(byte[] bytes) {
        try {
            return GeoTiffReader.read(bytes, tiles, limits.maxBytes(), limits.maxPixels()).rgb();
        } catch (GeoTiffException e) {
            throw rejected(e);
        }
    }

    public static QueryError rejected(ImageRejectedException e) {
        return switch (e.reason()) {
            case TOO_MANY_BYTES, TOO_MANY_PIXELS -> QueryError.of(ErrorCode.IMAGE_TOO_LARGE, e.getMessage());
            case UNSUPPORTED -> QueryError.of(ErrorCode.UNSUPPORTED_IMAGE, e.getMessage());
            case CORRUPT -> QueryError.of(ErrorCode.CORRUPT_IMAGE, e.getMessage());
            default -> QueryError.of(ErrorCode.UNREADABLE_IMAGE, e.getMessage());
        };
    }

    /** The message carries the reader's reason ({@code CORRUPT: ...}), which names the offending field. */
    static QueryError rejected(GeoTiffException e) {
        return switch (e.reason()) {
            case TOO_LARGE, TOO_MANY_BYTES, TOO_MANY_PIXELS -> QueryError.of(ErrorCode.IMAGE_TOO_LARGE, e.getMessage());
            // A layout this reader does not decode, or a tile without the bands this deployment renders.
            case UNSUPPORTED, BAD_BANDS -> QueryError.of(ErrorCode.UNSUPPORTED_IMAGE, e.getMessage());
            case NOT_TIFF, TRUNCATED, CORRUPT -> QueryError.of(ErrorCode.CORRUPT_IMAGE, e.getMessage());
        };
    }
}
