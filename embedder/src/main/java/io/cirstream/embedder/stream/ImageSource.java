package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

import io.cirstream.contract.event.ImageRef;
import io.cirstream.imaging.ImageFiles;
import io.cirstream.imaging.ImageRejectedException;
import io.cirstream.remote.FetchException;
import io.cirstream.remote.FetchReason;
import io.cirstream.remote.PermanentFetchException;
import io.cirstream.remote.RemoteImages;
import io.cirstream.remote.Retrier;
import io.cirstream.remote.TransientFetchException;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fetches the bytes of an image reference for the stream: inline bytes as they are, {@code file:} URIs through
 * {@link ImageFiles} (real path under a root, regular files only, bounded read), {@code http(s)://} and
 * {@code s3://} through {@link RemoteImages} (allow-list, time and byte limits, retries), anything else refused.
 * Refusals become the stream's: an image over the byte limit is stage {@code image}, every other refusal stage
 * {@code fetch}. A remote failure that may pass is not a refusal: it throws {@link ImagesUnavailableException}.
 */
public final class ImageSource {
    private final ImageFiles files;
    private final Optional<RemoteImages> remote;
    private final Optional<Retrier> retrier;

    public ImageSource(List<Path> roots, long maxBytes) {
        this(roots, maxBytes, Optional.empty());
    }

    public ImageSource(List<Path> roots, long maxBytes, Optional<RemoteImages> remote) {
        this.files = new ImageFiles(roots, maxBytes);
        this.remote = remote;
        this.retrier = remote.map(RemoteImages::retrier);
    }

    /** Whether the image is fetched over the network; those are fetched once, when their batch is encoded. */
    public boolean isRemote(ImageRef image) {
        return !image.isInline() && remote.isPresent() && remote.get().supports(image.uri());
    }

    public byte[] fetch(ImageRef image) throws RejectedException {
        if (image.isInline()) {
            return image.inline();
        }
        URI uri = image.uri();
        if (isRemote(image)) {
            return fetchRemote(uri);
        }
        if (!FileUriPath.isFile(uri)) {
            throw new RejectedException(DeadLetterStage.FETCH, "unsupported image URI scheme '" + uri.getScheme()
                    + "' (file:// under the configured image roots, or the remote.schemes when remote images are"
                    + " configured): " + uri);
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

    private byte[] fetchRemote(URI uri) throws RejectedException {
        RemoteImages images = remote.orElseThrow();
        try {
            return retrier.orElseThrow().call(() -> images.fetch(uri));
        } catch (FetchException e) {
            switch (e) {
                case PermanentFetchException p -> throw new RejectedException(
                        p.reason() == FetchReason.TOO_LARGE ? DeadLetterStage.IMAGE : DeadLetterStage.FETCH,
                        p.code() + ": " + p.getMessage());
                case TransientFetchException t -> throw new ImagesUnavailableException(uri, t.code(), t);
            }
        }
    }
}
