package io.cirstream.publisher;

import io.cirstream.contract.event.ImageRef;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageFiles;
import io.cirstream.imaging.ImageInfo;
import io.cirstream.imaging.ImageProbe;
import io.cirstream.imaging.ImageRejectedException;

import java.net.URI;
import java.util.Locale;

/**
 * Turns a submitted URI or byte array into an {@link ImageRef} that is safe to publish: files only through
 * {@link ImageFiles} (allowed roots, byte limit), only recognised images within the limits, and by reference
 * when too large to travel inline.
 */
final class ImageValidator {

    record Validated(ImageRef ref, long bytes) {
    }

    private final PublisherOptions options;
    private final ImageFiles files;

    ImageValidator(PublisherOptions options) {
        this.options = options;
        this.files = new ImageFiles(options.allowedRoots(), options.limits());
    }

    Validated fromBytes(byte[] bytes) throws Rejection {
        if (bytes.length > options.inlineLimit()) {
            throw new Rejection(RejectReason.TOO_MANY_BYTES, "upload is " + bytes.length
                    + " bytes, above the inline limit of " + options.inlineLimit());
        }
        return new Validated(ImageRef.inline(bytes, verify(bytes).format().contentType()), bytes.length);
    }

    Validated fromUri(URI uri) throws Rejection {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return fromFile(uri);
        }
        if (options.allowedSchemes().contains(scheme)) {
            return new Validated(ImageRef.uri(uri, null), 0);
        }
        throw new Rejection(RejectReason.NOT_ALLOWED, scheme.isEmpty() ? "URI has no scheme: " + uri
                : "URI scheme '" + scheme + "' is not allow-listed (allowed: file" + options.allowedSchemes() + ")");
    }

    private Validated fromFile(URI uri) throws Rejection {
        ImageFiles.Loaded loaded;
        try {
            loaded = files.load(uri);
        } catch (ImageRejectedException e) {
            throw new Rejection(RejectReason.of(e.reason()), e.getMessage());
        }
        byte[] bytes = loaded.bytes();
        String contentType = verify(bytes).format().contentType();
        ImageRef ref = bytes.length <= options.inlineLimit()
                ? ImageRef.inline(bytes, contentType) : ImageRef.uri(loaded.file().toUri(), contentType);
        return new Validated(ref, bytes.length);
    }

    private ImageInfo verify(byte[] bytes) throws Rejection {
        try {
            ImageInfo info = ImageProbe.probe(bytes, options.limits());
            if (options.verifyDecode()) {
                ImageDecoder.decode(bytes, options.limits());
            }
            return info;
        } catch (ImageRejectedException e) {
            throw new Rejection(RejectReason.of(e.reason()), e.getMessage());
        }
    }
}
