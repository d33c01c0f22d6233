package io.cirstream.cli;

import io.cirstream.infra.LocalInfrastructure;

import java.nio.file.Path;

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
}
