package io.cirstream.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points DJL's native-library cache at the runtime's cache directory and forces DJL offline. The tokenizers
 * jar bundles its natives and only extracts them; offline mode stops it from fetching a CUDA build on GPU hosts.
 * Settings already given on the command line or in the environment win.
 */
final class NativeLibraries {

    private NativeLibraries() {
    }

    static void prepare(Path cacheDir) {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            try {
                Files.createDirectories(cacheDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create native library cache " + cacheDir, e);
            }
            System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
