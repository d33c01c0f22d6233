package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.event.MalformedEventException;
import io.cirstream.geotiff.TileOptions;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.imaging.ImageProbe;
import io.cirstream.imaging.ImageRejectedException;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a gallery record into something the encoder can take, one checked step at a time; each step's failure
 * names its {@link DeadLetterStage}. The cheap checks ({@link #check}) run when a record arrives so bad records leave at
 * once; pixels are decoded only when a batch is flushed ({@link #read} then {@link #pixels}), so buffered items
 * stay small. Remote images ({@link ImageSource#isRemote}) are fetched only then too, so each is fetched once; TIFF
 * images (satellite tiles) are decoded by {@link SatelliteTiles}, which also fills in their footprint and time.
 */
public final class ImageLoader {
    private final GalleryEventCodec codec = new GalleryEventCodec();
    private final ImageSource source;
    private final ImageLimits limits;
    private final PixelDecoder decoder;
    private final SatelliteTiles tiles;

    /** An event whose image bytes were fetched and whose header passed the limits. */
    public record Checked(GalleryEvent event, byte[] imageBytes) {
    }

    /** Decoded pixels and the event to index them with (a tile's footprint and time filled in). */
    public record Decoded(GalleryEvent event, BufferedImage image) {
    }

    /** Decodes image bytes to pixels within the limits; {@link ImageDecoder#decode} outside tests. */
    @FunctionalInterface
    interface PixelDecoder {
        BufferedImage decode(byte[] bytes, ImageLimits limits) throws ImageRejectedException;
    }

    public ImageLoader(ImageSource source, ImageLimits limits) {
        this(source, limits, TileOptions.defaults());
    }

    public ImageLoader(ImageSource source, ImageLimits limits, TileOptions tileOptions) {
        this(source, limits, ImageDecoder::decode, tileOptions);
    }

    ImageLoader(ImageSource source, ImageLimits limits, PixelDecoder decoder) {
        this(source, limits, decoder, TileOptions.defaults());
    }

    ImageLoader(ImageSource source, ImageLimits limits, PixelDecoder decoder, TileOptions tileOptions) {
        this.source = source;
        this.limits = limits;
        this.decoder = decoder;
        this.tiles = new SatelliteTiles(tileOptions);
    }

    /**
     * Decodes, fetches and probes the header against the limits: everything but the pixels. A remote image is not
     * fetched here (it would be fetched twice); its refusals (404, host not allowed, ...) come at flush. Returns the
     * parsed event and the image bytes, so the flush neither parses nor reads again; a remote image's bytes are null.
     */
    public Checked check(byte[] key, byte[] value) throws RejectedException {
        GalleryEvent event = keyed(key, value);
        if (source.isRemote(event.image())) {
            return new Checked(event, null);
        }
        Checked checked = new Checked(event, fetch(event));
        if (SatelliteTiles.isTile(checked.imageBytes())) {
            // ImageIO's TIFF probe does not know multi-band 16-bit tiles; the tile reader bounds them when decoding.
            if (checked.imageBytes().length > limits.maxBytes()) {
                throw new RejectedException(DeadLetterStage.IMAGE, "TOO_MANY_BYTES: the tile is "
                        + checked.imageBytes().length + " bytes, the limit is " + limits.maxBytes());
            }
            return checked;
        }
        try {
            ImageProbe.probe(checked.imageBytes(), limits);
        } catch (ImageRejectedException e) {
            throw new RejectedException(DeadLetterStage.IMAGE, e.describe());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw RejectedException.unexpected(DeadLetterStage.IMAGE, e);
        }
        return checked;
    }

    /** Decodes the event and fetches its image; the limits are left to {@link #pixels}, which enforces them too. */
    public Checked read(byte[] key, byte[] value) throws RejectedException {
        GalleryEvent event = keyed(key, value);
        return new Checked(event, fetch(event));
    }

    private GalleryEvent keyed(byte[] key, byte[] value) throws RejectedException {
        GalleryEvent event = decode(value);
        if (key == null || !Arrays.equals(key, event.id().getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedException(DeadLetterStage.DECODE, "record key '" + (key == null ? null
                    : new String(key, StandardCharsets.UTF_8)) + "' does not match event id '" + event.id() + "'");
        }
        return event;
    }

    private byte[] fetch(GalleryEvent event) throws RejectedException {
        try {
            return source.fetch(event.image());
        } catch (ImagesUnavailableException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw RejectedException.unexpected(DeadLetterStage.FETCH, e);
        }
    }

    /** The event in a record value; any failure of the codec (or the rules it applies) is a decode refusal. */
    public GalleryEvent decode(byte[] value) throws RejectedException {
        if (value == null) {
            throw new RejectedException(DeadLetterStage.DECODE, "record has no value");
        }
        try {
            return codec.decode(value);
        } catch (MalformedEventException | IllegalArgumentException e) {
            throw new RejectedException(DeadLetterStage.DECODE, String.valueOf(e.getMessage()));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw RejectedException.unexpected(DeadLetterStage.DECODE, e);
        }
    }

    /** The pixels, and the event to index them with: a tile's footprint and capture time filled in. */
    public Decoded pixels(Checked checked) throws RejectedException {
        if (SatelliteTiles.isTile(checked.imageBytes())) {
            try {
                return tiles.decode(checked.event(), checked.imageBytes(), limits);
            } catch (RuntimeException | StackOverflowError e) {
                throw new RejectedException(DeadLetterStage.IMAGE, "CORRUPT: " + e);
            } catch (OutOfMemoryError e) {
                throw new RejectedException(DeadLetterStage.IMAGE, "CORRUPT: decoding ran out of memory: " + e.getMessage());
            }
        }
        return new Decoded(checked.event(), image(checked.imageBytes()));
    }

    private BufferedImage image(byte[] bytes) throws RejectedException {
        try {
            return decoder.decode(bytes, limits);
        } catch (ImageRejectedException e) {
            throw new RejectedException(DeadLetterStage.IMAGE, e.describe());
        } catch (RuntimeException | StackOverflowError e) {
            // Image readers throw unchecked exceptions on some damaged inputs; that is still a bad image.
            throw new RejectedException(DeadLetterStage.IMAGE, "CORRUPT: " + e);
        } catch (OutOfMemoryError e) {
            // One crafted file can ask a decoder for a huge buffer; the failed allocation freed nothing else.
            throw new RejectedException(DeadLetterStage.IMAGE, "CORRUPT: decoding ran out of memory: " + e.getMessage());
        }
    }
}
