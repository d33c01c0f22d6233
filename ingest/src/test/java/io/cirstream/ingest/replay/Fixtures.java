package io.cirstream.ingest.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes annotation files and placeholder images for parser tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Writes JSON given with single quotes (easier to read in Java text blocks). */
    static Path json(Path file, String singleQuoted) {
        return text(file, singleQuoted.replace('\'', '"'));
    }

    static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsers only check that image files exist; their content is the publisher's business. */
    static void images(Path dir, String... relativePaths) {
        for (String path : relativePaths) {
            text(dir.resolve(path), "x");
        }
    }
}
