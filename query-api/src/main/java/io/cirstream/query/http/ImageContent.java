package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the bytes of an indexed image for {@code /v1/images/{id}/content}. Only {@code file:} URIs that
 * resolve (symlinks followed) under a configured root are served; anything else would let a stored URI
 * read arbitrary files or make the server fetch arbitrary URLs.
 */
final class ImageContent {

    record File(Path path, String contentType) {
    }

    private final List<Path> roots;

    ImageContent(List<Path> roots) {
        this.roots = roots.stream().map(ImageContent::real).filter(p -> p != null).toList();
    }

    Future<File> resolve(Vertx vertx, ObjectNode doc, String id) {
        String uri = doc.path(GalleryIndex.IMAGE_URI).asText("");
        String type = doc.path(GalleryIndex.CONTENT_TYPE).asText("application/octet-stream");
        if (!uri.startsWith("file:")) {
            return Future.failedFuture(notAvailable(id));
        }
        return vertx.executeBlocking(() -> {
            Path path = fileOf(uri);
            if (path == null || !Files.isRegularFile(path) || roots.stream().noneMatch(path::startsWith)) {
                throw notAvailable(id);
            }
            return new File(path, type.isBlank() ? "application/octet-stream" : type);
        }, false);
    }

    private static Path fileOf(String uri) {
        try {
            return real(Path.of(URI.create(uri)));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static QueryError notAvailable(String id) {
        return QueryError.of(ErrorCode.CONTENT_NOT_AVAILABLE, "the bytes of image '" + id
                + "' are not stored where this server may serve them from");
    }
}
