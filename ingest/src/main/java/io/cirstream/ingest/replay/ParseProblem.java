package io.cirstream.ingest.replay;

import java.nio.file.Path;

/**
 * Something wrong in a benchmark's files, located precisely enough to find it in an editor.
 *
 * @param location {@code line 12}, {@code index 5 (pairid 77)}, {@code key 'dev-1-0-img0'}, or {@code file}
 */
public record ParseProblem(Path file, String location, String message) {

    @Override
    public String toString() {
        return file + ": " + location + ": " + message;
    }
}
