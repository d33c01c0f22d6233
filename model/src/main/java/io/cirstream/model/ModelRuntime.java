package io.cirstream.model;

import io.cirstream.model.onnx.RuntimeOptions;

import io.cirstream.model.onnx.DeviceUnavailableException;

import io.cirstream.contract.pack.ModelPackException;
import io.cirstream.contract.pack.PackManifest;
import io.cirstream.contract.pack.SpaceType;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded model pack: its manifest and one encoder per tower, all running on ONNX Runtime.
 * Thread-safe: encoders may be called concurrently (ONNX Runtime sessions are).
 */
public final class ModelRuntime implements AutoCloseable {

    private final PackManifest manifest;
    private final ImageEncoder images;
    private final TextEncoder texts;
    private final Optional<PseudoTokenEncoder> pseudoTokens;
    private final Optional<Combiner> combiner;
    private final Optional<MultiTokenEncoder> multiToken;
    private final Map<String, ComposerGraph> composers;

    ModelRuntime(PackManifest manifest, ImageEncoder images, TextEncoder texts,
                 Optional<PseudoTokenEncoder> pseudoTokens, Optional<Combiner> combiner,
                 Optional<MultiTokenEncoder> multiToken, Map<String, ComposerGraph> composers) {
        this.multiToken = multiToken;
        this.composers = Collections.unmodifiableMap(new LinkedHashMap<>(composers));
        this.manifest = manifest;
        this.images = images;
        this.texts = texts;
        this.pseudoTokens = pseudoTokens;
        this.combiner = combiner;
    }

    /**
     * Loads and validates the pack in {@code packDir}, starts sessions on the requested device and warms them up.
     *
     * @throws ModelPackException         when the pack is incomplete or inconsistent
     * @throws DeviceUnavailableException when {@code cuda[:n]} was requested and cannot start
     */
    public static ModelRuntime load(Path packDir, RuntimeOptions options) {
        return PackLoader.load(packDir, options);
    }

    public PackManifest manifest() {
        return manifest;
    }

    public String packId() {
        return manifest.id();
    }

    public int dimension() {
        return manifest.dimension();
    }

    public SpaceType space() {
        return manifest.space();
    }

    public ImageEncoder images() {
        return images;
    }

    public TextEncoder texts() {
        return texts;
    }

    public Optional<PseudoTokenEncoder> pseudoTokens() {
        return pseudoTokens;
    }

    public Optional<Combiner> combiner() {
        return combiner;
    }

    /** Multi-token inversion (format 2, FTI4CIR-style), when the pack has it. */
    public Optional<MultiTokenEncoder> multiToken() {
        return multiToken;
    }

    /** The pack's composer graphs by name, in manifest order (format 2). */
    public Map<String, ComposerGraph> composers() {
        return composers;
    }

    @Override
    public void close() {
        composers.values().forEach(ComposerGraph::close);
        multiToken.ifPresent(MultiTokenEncoder::close);
        combiner.ifPresent(Combiner::close);
        pseudoTokens.ifPresent(PseudoTokenEncoder::close);
        texts.close();
        images.close();
    }
}
