package io.cirstream.embedder.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A new Kafka Streams state directory per topology test driver, under target/ so that a clean build removes it. */
final class TopologyStateDirs {
    private static final Path ROOT = Path.of("target", "topology-state").toAbsolutePath();

    private TopologyStateDirs() {
    }

    static String fresh() {
        try {
            return Files.createTempDirectory(Files.createDirectories(ROOT), "driver-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
