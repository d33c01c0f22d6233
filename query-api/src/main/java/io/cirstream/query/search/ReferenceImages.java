package io.cirstream.query.search;

import io.cirstream.model.ImageEncoder;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.imaging.ImageRejectedException;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;

import java.awt.image.BufferedImage;
import java.util.List;

/** Decodes (with the ingest limits) and encodes a reference image sent by the user. Blocking. */
public final class ReferenceImages {

    private final ImageEncoder encoder;
    private final ImageLimits limits;

    public ReferenceImages(ImageEncoder encoder, ImageLimits limits) {
        this.encoder = encoder;
        this.limits = limits;
    }

    public float[] embed(byte[] bytes) {
        return embed(decode(bytes));
    }

    public float[] embed(BufferedImage image) {
        return encoder.encode(List.of(image)).getFirst();
    }

    public BufferedImage decode(byte[] bytes) {
        return decode(bytes, limits);
    }

    /** Decodes or throws the {@link QueryError} that says why the image is refused (400, 413 or 415). */
    public static BufferedImage decode(byte[] bytes, ImageLimits limits) {
        try {
            return ImageDecoder.decode(bytes, limits);
        } catch (ImageRejectedException e) {
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
}
