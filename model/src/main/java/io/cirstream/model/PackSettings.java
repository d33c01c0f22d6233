package io.cirstream.model;

import io.cirstream.contract.config.ConfigKey;

import java.nio.file.Path;

/**
 * The one setting naming the model pack. The embedder and the query API read the same key because their
 * vectors are only comparable when they come from the same pack.
 */
public final class PackSettings {
    public static final ConfigKey<Path> PACK = new ConfigKey<>("model.pack", "models/synthetic", Path::of, false,
            "model pack directory (manifest.json + ONNX files), shared by the embedder and the query API; "
                    + "'./cirstream model generate synthetic --out models/synthetic' writes the default one");

    private PackSettings() {
    }
}
