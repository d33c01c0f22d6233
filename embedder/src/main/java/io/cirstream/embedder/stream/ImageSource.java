package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

import io.cirstream.contract.event.ImageRef;
import io.cirstream.imaging.ImageFiles;
import io.cirstream.imaging.ImageRejectedException;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;



/**
 * Fetches the bytes of an image reference for the stream: inline bytes as they are, {@code file:} URIs through
 * {@link ImageFiles} (real path under a root, regular files only, bounded read), anything else refused. Refusals
 * become the stream's: an image over the byte limit is stage {@code image}, every other refusal stage {@code fetch}.
 */
public final class ImageSource {
    private final ImageFiles files;

    public ImageSource(List<Path> roots, long maxBytes) {
        this.files = new ImageFiles(roots, maxBytes);
    }

    public byte[] fetch(ImageRef image) throws RejectedException {
        if (image.isInline()) {
            return image.inline();
        }
        URI uri = image.uri();
        if (!FileUriPath.isFile(uri)) {
            throw new RejectedException(DeadLetterStage.FETCH, "unsupported image URI scheme '" + uri.getScheme()
                    + "' (only file:// under the configured image roots): " + uri);
        }
        try {
            return files.load(FileUriPath.of(uri)).bytes();
        } catch (ImageRejectedException e) {
            if (e.reason() == ImageRejectedException.Reason.TOO_MANY_BYTES) {
                throw new RejectedException(DeadLetterStage.IMAGE, e.describe());
            }
            throw new RejectedException(DeadLetterStage.FETCH, e.getMessage());
        }
    }
}
