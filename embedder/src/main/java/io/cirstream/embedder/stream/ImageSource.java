package io.cirstream.embedder.stream;

import io.cirstream.ingest.event.ImageRef;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches the bytes of an image reference: inline bytes as they are, {@code file:} URIs only when the file's real
 * path (symlinks resolved) lies under the real path of a configured root and is a regular file (an event must not
 * make the embedder read arbitrary files, devices or pipes); anything else is refused. Files are read with a bounded
 * read of at most {@code maxBytes + 1} bytes: the size the file system reports is never trusted.
 */
public final class ImageSource {
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final List<Path> roots;
    private final long maxBytes;

    public ImageSource(List<Path> roots, long maxBytes) {
        this.roots = List.copyOf(roots);
        this.maxBytes = Math.min(maxBytes, MAX_ARRAY - 1);
    }

    public byte[] fetch(ImageRef image) throws RejectedException {
        if (image.isInline()) {
            return image.inline();
        }
        URI uri = image.uri();
        if (!FileUriPath.isFile(uri)) {
            throw new RejectedException(Stage.FETCH, "unsupported image URI scheme '" + uri.getScheme()
                    + "' (only file:// under the configured image roots): " + uri);
        }
        Path file = realFile(FileUriPath.of(uri));
        List<Path> realRoots = realRoots();
        if (realRoots.stream().noneMatch(file::startsWith)) {
            throw new RejectedException(Stage.FETCH, "image path " + file + " (symlinks resolved) is outside the"
                    + " allowed roots " + realRoots);
        }
        // The real path has no links left; refusing anything but a regular file keeps /dev/zero and FIFOs out
        // before they are opened (opening a FIFO would block).
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new RejectedException(Stage.FETCH, "image path " + file + " is not a regular file");
        }
        return read(file);
    }

    private byte[] read(Path file) throws RejectedException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new RejectedException(Stage.FETCH, "cannot read image " + file + ": " + e);
        }
        if (bytes.length > maxBytes) {
            throw new RejectedException(Stage.IMAGE, "TOO_MANY_BYTES: image file " + file + " is larger than the"
                    + " limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static Path realFile(Path path) throws RejectedException {
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RejectedException(Stage.FETCH, "no such image file: " + path);
        } catch (IOException | SecurityException e) {
            throw new RejectedException(Stage.FETCH, "cannot resolve image path " + path + ": " + e);
        }
    }

    /** Resolved at every fetch: a root created (or re-pointed) after the start counts from then on. */
    private List<Path> realRoots() {
        List<Path> real = new ArrayList<>(roots.size());
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
            } catch (IOException | SecurityException e) {
                // A missing root admits nothing.
            }
        }
        return real;
    }
}
