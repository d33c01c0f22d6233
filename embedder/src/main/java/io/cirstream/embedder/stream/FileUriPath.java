package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

import io.cirstream.contract.event.EventRules;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a {@code file:} URI from an event into a local path, or a refusal naming what is wrong with it, by the
 * rule every edge applies ({@link EventRules#localPath}): only {@code file:///absolute/path}. The embedder checks
 * again because a record may predate the rule or come from a producer that skipped it.
 */
final class FileUriPath {

    private FileUriPath() {
    }

    static boolean isFile(URI uri) {
        return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("file");
    }

    static Path of(URI uri) throws RejectedException {
        try {
            return EventRules.localPath(uri);
        } catch (IllegalArgumentException e) {
            throw refused(uri, e.getMessage());
        }
    }

    private static RejectedException refused(URI uri, String problem) {
        return new RejectedException(DeadLetterStage.FETCH, "file URI " + uri + " " + problem);
    }
}
