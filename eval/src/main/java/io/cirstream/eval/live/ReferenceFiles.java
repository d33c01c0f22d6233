package io.cirstream.eval.live;

import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.imaging.ImageRejectedException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The reference images themselves, for the methods that read a reference's pixels (multi_token, pixel-reading
 * composer graphs): a reference by id has only its stored vector, so eval uploads the file the replay published
 * (the document's {@code image_uri}) and composes the exact-search vector from the same decoded pixels. Only
 * {@code file:} URIs are read: eval runs beside the replayed benchmark's files. Nothing is cached (a benchmark's
 * decoded references would not fit in memory); each file is read when its query is asked and again for exact search.
 */
final class ReferenceFiles {

    private final Map<String, String> uris;

    ReferenceFiles(Map<String, String> uris) {
        this.uris = Map.copyOf(uris);
    }

    byte[] bytes(String id) {
        String uri = uris.get(id);
        if (uri == null) {
            throw new IllegalStateException("reference " + id + " has no stored image_uri, so its pixels cannot be "
                    + "sent to a method that reads them");
        }
        URI parsed = URI.create(uri);
        if (!"file".equals(parsed.getScheme())) {
            throw new IllegalStateException("reference " + id + " is at " + uri + "; eval reads only file: "
                    + "references for methods that need the reference's pixels");
        }
        try {
            return Files.readAllBytes(Path.of(parsed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference " + id + " at " + uri, e);
        }
    }

    /** Decoded as the query API decodes an upload (same decoder, default limits), so both compose the same vector. */
    BufferedImage image(String id) {
        try {
            return ImageDecoder.decode(bytes(id), ImageLimits.DEFAULT);
        } catch (ImageRejectedException e) {
            throw new IllegalStateException("reference " + id + " cannot be decoded: " + e.getMessage(), e);
        }
    }
}
