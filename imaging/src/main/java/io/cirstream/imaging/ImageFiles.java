package io.cirstream.imaging;

import io.cirstream.contract.event.EventRules;
import io.cirstream.contract.event.ImageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads image bytes named by {@code file:} URIs, only from under the allowed roots (symlinks resolved first, so a
 * link cannot escape), only regular files (not devices or pipes, refused before they are opened) and with a read
 * bounded by the byte limit (a file's reported size is never trusted). Shared by ingest validation and by the
 * embedder, which reads events whose image travels by reference.
 */
public final class ImageFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16L;

    /** A file that was read: its real path (symlinks resolved) and its bytes. */
    public record Loaded(Path file, byte[] bytes) {
    }

    private final List<Path> roots;
    private final long maxBytes;

    public ImageFiles(List<Path> allowedRoots, ImageLimits limits) {
        this(allowedRoots, limits.maxBytes());
    }

    public ImageFiles(List<Path> allowedRoots, long maxBytes) {
        this.roots = List.copyOf(allowedRoots);
        this.maxBytes = maxBytes;
        roots.stream().filter(root -> !Files.exists(root))
                .forEach(root -> LOG.warn("allowed root {} does not exist and admits nothing until it does", root));
    }

    /** The image bytes of an event: inline ones as they are, {@code file:} ones read from disk. */
    public byte[] bytes(ImageRef image) throws ImageRejectedException {
        if (image.isInline()) {
            return image.inline();
        }
        String scheme = image.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("file")) {
            throw new ImageRejectedException(ImageRejectedException.Reason.NOT_ALLOWED,
                    "cannot read '" + scheme + "' URIs here: " + image.uri());
        }
        return load(image.uri()).bytes();
    }

    /** Reads the file a {@code file:} URI names, by the URI rule every edge applies ({@link EventRules#localPath}). */
    public Loaded load(URI fileUri) throws ImageRejectedException {
        Path path;
        try {
            path = EventRules.localPath(fileUri);
        } catch (IllegalArgumentException e) {
            throw rejected(ImageRejectedException.Reason.NOT_ALLOWED, "not a local file URI: " + fileUri + " ("
                    + e.getMessage() + ")");
        }
        return load(path);
    }

    public Loaded load(Path path) throws ImageRejectedException {
        Path file = realFile(path);
        List<Path> realRoots = realRoots();
        if (realRoots.stream().noneMatch(file::startsWith)) {
            throw rejected(ImageRejectedException.Reason.NOT_ALLOWED, file + " (symlinks resolved) is outside the"
                    + " allowed roots " + realRoots);
        }
        // The real path has no links left; anything but a regular file (/dev/zero, a FIFO, whose open would
        // block) is refused before it is opened.
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw rejected(ImageRejectedException.Reason.UNREADABLE, file + " is not a regular file");
        }
        try {
            return new Loaded(file, readBounded(file));
        } catch (IOException e) {
            throw rejected(ImageRejectedException.Reason.UNREADABLE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads at most one byte more than the limit: a file's reported size is not trusted (it may grow, or lie). */
    private byte[] readBounded(Path file) throws IOException, ImageRejectedException {
        long cap = Math.min(maxBytes, MAX_ARRAY - 1);
        // NOFOLLOW: the path was checked as a regular file; a link swapped in since is not followed.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                throw rejected(ImageRejectedException.Reason.TOO_MANY_BYTES, file + " is more than " + cap
                        + " bytes, the limit is " + maxBytes);
            }
            return bytes;
        }
    }

    private static Path realFile(Path path) throws ImageRejectedException {
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            throw rejected(ImageRejectedException.Reason.NOT_FOUND, "no such image file: " + path);
        } catch (IOException | SecurityException e) {
            throw rejected(ImageRejectedException.Reason.UNREADABLE, "cannot resolve " + path + ": " + e.getMessage());
        }
    }

    private static ImageRejectedException rejected(ImageRejectedException.Reason reason, String message) {
        return new ImageRejectedException(reason, message);
    }

    /** Resolved at every read: a root created (or re-pointed) after the start counts from then on. */
    private List<Path> realRoots() {
        List<Path> out = new ArrayList<>(roots.size());
        for (Path root : roots) {
            try {
                out.add(root.toRealPath());
            } catch (IOException | SecurityException e) {
                // a missing root admits nothing (warned about at construction)
            }
        }
        return out;
    }
}
