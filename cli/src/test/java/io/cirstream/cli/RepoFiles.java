package io.cirstream.cli;

import io.cirstream.infra.LocalInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Files of the repository checkout that tests keep honest (compose file, infra versions, poms). */
final class RepoFiles {
    private RepoFiles() {
    }

    static Path root() {
        return LocalInfrastructure.repoRoot();
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** The checkout's files that match, build outputs ({@code target/}) left out. */
    static List<Path> find(Predicate<Path> wanted) {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> !p.toString().contains("/target/")).filter(wanted).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
