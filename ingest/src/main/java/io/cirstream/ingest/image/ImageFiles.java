package io.cirstream.ingest.image;

import io.cirstream.ingest.event.ImageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
            limits.checkBytes(Files.size(file));
            byte[] bytes = Files.readAllBytes(file);
            limits.checkBytes(bytes.length);
            return new Loaded(file, bytes);
        } catch (IOException e) {
            throw rejected(ImageRejectedException.Reason.UNREADABLE, "cannot read " + file + ": " + e.getMessage());
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
