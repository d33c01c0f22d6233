package io.cirstream.ingest.image;

import io.cirstream.ingest.event.ImageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads image bytes named by {@code file:} URIs, only from under the allowed roots (symlinks resolved first, so a
 * link cannot escape) and within the byte limit. Shared by ingest validation and by the embedder, which reads
 * events whose image travels by reference.
 */
public final class ImageFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

    /** A file that was read: its real path (symlinks resolved) and its bytes. */
    public record Loaded(Path file, byte[] bytes) {
    }

    private final List<Path> roots;
    private final ImageLimits limits;

    public ImageFiles(List<Path> allowedRoots, ImageLimits limits) {
        this.roots = realRoots(allowedRoots);
        this.limits = limits;
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

    public Loaded load(URI fileUri) throws ImageRejectedException {
        Path file = realFile(fileUri);
        if (roots.stream().noneMatch(file::startsWith)) {
            throw rejected(ImageRejectedException.Reason.NOT_ALLOWED, file + " is outside the allowed roots " + roots);
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw rejected(ImageRejectedException.Reason.UNREADABLE, file + " is not a regular file");
            }
            return new Loaded(file, readBounded(file));
        } catch (IOException e) {
            throw rejected(ImageRejectedException.Reason.UNREADABLE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads at most one byte more than the limit: a file's reported size is not trusted (it may grow, or lie). */
    private byte[] readBounded(Path file) throws IOException, ImageRejectedException {
        long cap = Math.min(limits.maxBytes(), Integer.MAX_VALUE - 16L);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                throw rejected(ImageRejectedException.Reason.TOO_MANY_BYTES, file + " is more than " + cap
                        + " bytes, the limit is " + limits.maxBytes());
            }
            return bytes;
        }
    }

    private static Path realFile(URI uri) throws ImageRejectedException {
        try {
            return Path.of(uri).toRealPath();
        } catch (NoSuchFileException e) {
            throw rejected(ImageRejectedException.Reason.NOT_FOUND, "no such file: " + e.getFile());
        } catch (IOException e) {
            throw rejected(ImageRejectedException.Reason.UNREADABLE, "cannot resolve " + uri + ": " + e.getMessage());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw rejected(ImageRejectedException.Reason.NOT_ALLOWED, "not a local file URI: " + uri + " ("
                    + e.getMessage() + ")");
        }
    }

    private static ImageRejectedException rejected(ImageRejectedException.Reason reason, String message) {
        return new ImageRejectedException(reason, message);
    }

    private static List<Path> realRoots(List<Path> configured) {
        List<Path> out = new ArrayList<>();
        for (Path root : configured) {
            try {
                out.add(root.toRealPath());
            } catch (IOException e) {
                LOG.warn("allowed root {} does not exist and admits nothing", root);
            }
        }
        return List.copyOf(out);
    }
}
