package io.cirstream.embedder.stream;

import io.cirstream.ingest.event.GalleryEvent;
import io.cirstream.ingest.event.GalleryEventCodec;
import io.cirstream.ingest.event.MalformedEventException;
import io.cirstream.ingest.image.ImageDecoder;
import io.cirstream.ingest.image.ImageLimits;
import io.cirstream.ingest.image.ImageProbe;
import io.cirstream.ingest.image.ImageRejectedException;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a gallery record into something the encoder can take, one checked step at a time; each step's failure
 * names its {@link Stage}. The cheap checks ({@link #check}) run when a record arrives so bad records leave at
 * once; pixels are decoded only when a batch is flushed ({@link #read} then {@link #pixels}), so buffered items
 * stay small.
 */
public final class ImageLoader {
    private final GalleryEventCodec codec = new GalleryEventCodec();
    private final ImageSource source;
    private final ImageLimits limits;

    /** An event whose image bytes were fetched and whose header passed the limits. */
    public record Checked(GalleryEvent event, byte[] imageBytes) {
    }

    public ImageLoader(ImageSource source, ImageLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    /** Decodes, fetches and probes the header against the limits: everything but the pixels. */
    public Checked check(byte[] key, byte[] value) throws RejectedException {
        Checked checked = read(key, value);
        try {
            ImageProbe.probe(checked.imageBytes(), limits);
        } catch (ImageRejectedException e) {
            throw new RejectedException(Stage.IMAGE, e.describe());
        }
        return checked;
    }

    /** Decodes the event and fetches its image; the limits are left to {@link #pixels}, which enforces them too. */
    public Checked read(byte[] key, byte[] value) throws RejectedException {
        GalleryEvent event;
        try {
            event = codec.decode(value);
        } catch (MalformedEventException e) {
            throw new RejectedException(Stage.DECODE, e.getMessage());
        }
        if (key == null || !Arrays.equals(key, event.id().getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedException(Stage.DECODE, "record key '" + (key == null ? null
                    : new String(key, StandardCharsets.UTF_8)) + "' does not match event id '" + event.id() + "'");
        }
        return new Checked(event, source.fetch(event.image()));
    }

    public BufferedImage pixels(Checked checked) throws RejectedException {
        try {
            return ImageDecoder.decode(checked.imageBytes(), limits);
        } catch (ImageRejectedException e) {
            throw new RejectedException(Stage.IMAGE, e.describe());
        } catch (RuntimeException e) {
            // Image readers throw unchecked exceptions on some damaged inputs; that is still a bad image.
            throw new RejectedException(Stage.IMAGE, "CORRUPT: " + e);
        }
    }
}
