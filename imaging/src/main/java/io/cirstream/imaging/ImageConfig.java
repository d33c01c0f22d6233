package io.cirstream.imaging;

import io.cirstream.contract.config.ConfigKey;

import java.nio.file.Path;
import java.util.List;

/** Configuration of where images may be read from, shared by everything that reads {@code file:} images. */
public final class ImageConfig {

    /** Read by ingest (which publishes file: URIs), the embedder (which reads them) and the query API (which serves them). */
    public static final ConfigKey<List<Path>> ALLOWED_ROOTS = ConfigKey.pathList("images.roots",
            "comma-separated folders under which file: image URIs may be read (the ingest CLI adds the paths it is given)");

    private ImageConfig() {
    }
}
