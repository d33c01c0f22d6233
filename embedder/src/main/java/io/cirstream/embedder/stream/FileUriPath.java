package io.cirstream.embedder.stream;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a {@code file:} URI from an event into a local path, or a refusal naming what is wrong with it. Only the
 * plain hierarchical form {@code file:///absolute/path} is accepted: an authority ({@code file://host/...},
 * {@code file://../x}), a query, a fragment, an opaque URI ({@code file:x}) or a NUL byte is refused here, before
 * {@link Path#of(URI)} could throw on it.
 */
final class FileUriPath {

    private FileUriPath() {
    }

    static boolean isFile(URI uri) {
        return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("file");
    }

    static Path of(URI uri) throws RejectedException {
        if (uri.isOpaque()) {
            throw refused(uri, "is opaque; write file:///absolute/path");
        }
        if (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
            throw refused(uri, "has an authority '" + uri.getRawAuthority() + "'; only file:///absolute/path (no host)"
                    + " is read");
        }
        if (uri.getRawQuery() != null) {
            throw refused(uri, "has a query");
        }
        if (uri.getRawFragment() != null) {
            throw refused(uri, "has a fragment");
        }
        String path = uri.getPath();
        if (path == null || path.isEmpty()) {
            throw refused(uri, "has no path");
        }
        if (path.indexOf('\0') >= 0) {
            throw refused(uri, "holds a NUL character");
        }
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            throw refused(uri, "is not a local file path (" + e.getMessage() + ")");
        }
    }

    private static RejectedException refused(URI uri, String problem) {
        return new RejectedException(Stage.FETCH, "file URI " + uri + " " + problem);
    }
}
