package io.cirstream.embedder.stream;

import io.cirstream.ingest.event.ImageRef;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fetches the bytes of an image reference: inline bytes as they are, {@code file://} URIs only below the configured
 * roots (an event must not make the embedder read arbitrary files), anything else is refused.
 */
public final class ImageSource {
    private final List<Path> roots;
    private final long maxBytes;

    public ImageSource(List<Path> roots, long maxBytes) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxBytes = maxBytes;
    }

    public byte[] fetch(ImageRef image) throws RejectedException {
        if (image.isInline()) {
            return image.inline();
        }
        URI uri = image.uri();
        if (!"file".equals(uri.getScheme())) {
            throw new RejectedException(Stage.FETCH, "unsupported image URI scheme '" + uri.getScheme()
                    + "' (only file:// under the configured image roots): " + uri);
        }
        Path path = Path.of(uri).toAbsolutePath().normalize();
        if (roots.stream().noneMatch(path::startsWith)) {
            throw new RejectedException(Stage.FETCH, "image path " + path + " is outside the allowed roots " + roots);
        }
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new RejectedException(Stage.IMAGE, "TOO_MANY_BYTES: image file is " + size
                        + " bytes, the limit is " + maxBytes);
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RejectedException(Stage.FETCH, "cannot read image " + path + ": " + e);
        }
    }
}
