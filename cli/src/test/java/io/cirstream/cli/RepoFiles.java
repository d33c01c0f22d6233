package io.cirstream.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository checkout that tests keep honest (compose file, infra versions, poms). */
final class RepoFiles {
    private RepoFiles() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("infra/versions.env"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root (the folder holding infra/versions.env) not found");
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
