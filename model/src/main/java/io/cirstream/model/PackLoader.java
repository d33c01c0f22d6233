package io.cirstream.model;

import io.cirstream.model.onnx.RuntimeOptions;

import io.cirstream.contract.pack.ModelPackException;
import io.cirstream.contract.pack.PackManifest;
import io.cirstream.contract.pack.PackManifestReader;

import io.cirstream.contract.pack.ComposerInput;
import io.cirstream.contract.pack.PackManifest.CombinerSpec;
import io.cirstream.contract.pack.PackManifest.ComposerSpec;
import io.cirstream.contract.pack.PackManifest.MultiTokenSpec;
import io.cirstream.contract.pack.PackManifest.ImageTower;
import io.cirstream.contract.pack.PackManifest.Precision;
import io.cirstream.contract.pack.PackManifest.PseudoTokenSpec;
import io.cirstream.contract.pack.PackManifest.TextTower;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a pack's manifest, opens its ONNX sessions, checks tensor names and shapes against the manifest and
 * warms every path up with one input, which also proves each output has the manifest's dimension.
 */
final class PackLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PackLoader.class);

    private final Path packDir;
    private final PackManifest manifest;
    private final RuntimeOptions options;
    private final SessionFactory sessions;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final List<OnnxModel> models = new ArrayList<>();

    private PackLoader(Path packDir, RuntimeOptions options) {
        this.packDir = packDir.toAbsolutePath().normalize();
        this.options = options;
        this.manifest = PackManifestReader.read(this.packDir);
        NativeLibraries.prepare(options.cacheDir());
        this.sessions = new SessionFactory(this.packDir, options);
    }

    static ModelRuntime load(Path packDir, RuntimeOptions options) {
        return new PackLoader(packDir, options).load();
    }

    private ModelRuntime load() {
        long start = System.nanoTime();
        try {
            OnnxImageEncoder images = checked(imageEncoder(),
                    e -> e.encode(List.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB))), "image.output");
            TextTokenizer tokenizer = opened(TextTokenizer.load(packDir, manifest.text().tokenizer()));
            TextEncoder texts = checked(textEncoder(tokenizer), e -> e.encode(List.of("a")), "text.output");
            float[] probe = texts.encode(List.of("a")).getFirst();
            Optional<PseudoTokenEncoder> pseudo = manifest.pseudoToken().map(spec -> checked(
                    pseudoTokenEncoder(spec, tokenizer), e -> e.compose(List.of(probe), List.of("a")), "pseudoToken.textOutput"));
            Optional<Combiner> combiner = manifest.combiner().map(spec -> checked(
                    combiner(spec), e -> e.combine(List.of(probe), List.of(probe)), "combiner.output"));
            GraphInputs graphInputs = new GraphInputs(images, texts, tokenizer, manifest.dimension());
            checkPatches(images);
            QueryInputs warmUp = QueryInputs.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), probe, "a");
            Optional<MultiTokenEncoder> multiToken = manifest.multiToken().map(spec -> checked(
                    multiTokenEncoder(spec, tokenizer, graphInputs), e -> e.compose(List.of(warmUp)), "multiToken.textOutput"));
            Map<String, ComposerGraph> composers = new LinkedHashMap<>();
            manifest.composers().forEach((name, spec) -> composers.put(name, checked(composer(spec, graphInputs),
                    e -> e.compose(List.of(warmUp)), "composers." + name + ".output")));
            List<String> float16 = checkPrecision();
            LOG.info("model pack '{}' ({}, {}) loaded from {} on {} in {} ms", manifest.id(), manifest.precision(),
                    float16.isEmpty() ? "float32 I/O" : "float16 I/O", packDir, sessions.device(),
                    (System.nanoTime() - start) / 1_000_000);
            return new ModelRuntime(manifest, images, texts, pseudo, combiner, multiToken, composers);
        } catch (RuntimeException e) {
            closeOpened(e);
            throw e;
        }
    }

    private OnnxImageEncoder imageEncoder() {
        ImageTower tower = manifest.image();
        OnnxModel model = open(tower.model())
                .requireFloatInput(tower.input(), "image.input")
                .requireOutput(tower.output(), "image.output");
        tower.patchOutput().ifPresent(patches -> model.requireOutput(patches, "image.patchOutput"));
        long[] shape = model.inputShape(tower.input());
        int size = tower.preprocessing().size();
        if (shape.length != 4 || (shape[1] > 0 && shape[1] != 3) || (shape[2] > 0 && shape[2] != size)
                || (shape[3] > 0 && shape[3] != size)) {
            throw new ModelPackException(tower.model() + ": input '" + tower.input() + "' has shape "
                    + Arrays.toString(shape) + ", which does not take [batch, 3, " + size + ", " + size
                    + "] as set by image.preprocessing.size");
        }
        return new OnnxImageEncoder(model, tower, manifest.dimension(), options.batchSize());
    }

    private TextEncoder textEncoder(TextTokenizer tokenizer) {
        TextTower tower = manifest.text();
        OnnxModel model = open(tower.model())
                .requireInt64Input(tower.inputIds(), "text.inputIds")
                .requireOutput(tower.output(), "text.output");
        tower.attentionMask().ifPresent(mask -> model.requireInt64Input(mask, "text.attentionMask"));
        return new OnnxTextEncoder(model, tower, tokenizer, manifest.dimension(), options.batchSize());
    }

    private PseudoTokenEncoder pseudoTokenEncoder(PseudoTokenSpec spec, TextTokenizer tokenizer) {
        requirePlaceholder(tokenizer, spec.placeholderToken(), spec.placeholderId(), "pseudoToken.placeholderToken");
        OnnxModel phi = open(spec.phiModel())
                .requireFloatInput(spec.phiInput(), "pseudoToken.phiInput")
                .requireOutput(spec.phiOutput(), "pseudoToken.phiOutput");
        OnnxModel text = open(spec.textModel())
                .requireInt64Input(spec.textInputIds(), "pseudoToken.textInputIds")
                .requireFloatInput(spec.textTokenEmbedding(), "pseudoToken.textTokenEmbedding")
                .requireOutput(spec.textOutput(), "pseudoToken.textOutput");
        return new OnnxPseudoTokenEncoder(phi, text, spec, tokenizer, manifest.dimension(), options.batchSize());
    }

    /** Patch features must be [batch, patches, width]: one run on a blank image proves the rank. */
    private void checkPatches(OnnxImageEncoder images) {
        if (manifest.image().patchOutput().isEmpty()) {
            return;
        }
        long[] shape;
        try {
            shape = images.patches(List.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB))).shape();
        } catch (ModelPackException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelPackException("warm-up of the model behind manifest field 'image.patchOutput' failed: "
                    + e.getMessage(), e);
        }
        if (shape.length != 3 || shape[0] != 1) {
            throw new ModelPackException(manifest.image().model() + ": output '" + manifest.image().patchOutput().get()
                    + "' (manifest field 'image.patchOutput') has shape " + Arrays.toString(shape)
                    + " for one image; patch features must be [batch, patches, width]");
        }
    }

    private MultiTokenEncoder multiTokenEncoder(MultiTokenSpec spec, TextTokenizer tokenizer, GraphInputs inputs) {
        requirePlaceholder(tokenizer, spec.placeholderToken(), spec.placeholderId(), "multiToken.placeholderToken");
        OnnxModel mapping = open(spec.mappingModel()).requireOutput(spec.mappingOutput(), "multiToken.mappingOutput");
        requireInputs(mapping, spec.mappingInputs(), "multiToken.mappingInputs");
        OnnxModel text = open(spec.textModel())
                .requireInt64Input(spec.textInputIds(), "multiToken.textInputIds")
                .requireFloatInput(spec.textTokenEmbeddings(), "multiToken.textTokenEmbeddings")
                .requireOutput(spec.textOutput(), "multiToken.textOutput");
        return new OnnxMultiTokenEncoder(mapping, text, spec, tokenizer, inputs, options.batchSize());
    }

    /**
     * The text graph finds where to put the composed token(s) by the placeholder's id, so the pack's tokenizer must
     * turn the placeholder into exactly that one token, or every prompt would carry it somewhere else or not at all.
     */
    private void requirePlaceholder(TextTokenizer tokenizer, String token, long id, String field) {
        long[] ids = tokenizer.ids(token);
        if (ids.length != 1 || ids[0] != id) {
            throw new ModelPackException(manifest.text().tokenizer().file() + " tokenizes " + field + " \"" + token
                    + "\" to " + Arrays.toString(ids) + ", but the manifest says it is the single token " + id);
        }
    }

    private ComposerGraph composer(ComposerSpec spec, GraphInputs inputs) {
        String field = "composers." + spec.name();
        OnnxModel model = open(spec.model()).requireOutput(spec.output(), field + ".output");
        requireInputs(model, spec.inputs(), field + ".inputs");
        return new OnnxComposerGraph(model, spec, inputs, options.batchSize());
    }

    /** Each named input exists with the element type its kind has; patch inputs need the tower's patch output. */
    private void requireInputs(OnnxModel model, Map<ComposerInput, String> inputs, String field) {
        inputs.forEach((input, name) -> {
            if (input == ComposerInput.REFERENCE_PATCHES && manifest.image().patchOutput().isEmpty()) {
                throw new ModelPackException("manifest field '" + field + "." + input.field()
                        + "' needs patch features, but the image tower names none (manifest field 'image.patchOutput')");
            }
            model.requireInput(name, field + "." + input.field(), input.isInt64());
        });
    }

    private Combiner combiner(CombinerSpec spec) {
        OnnxModel model = open(spec.model())
                .requireFloatInput(spec.imageInput(), "combiner.imageInput")
                .requireFloatInput(spec.textInput(), "combiner.textInput")
                .requireOutput(spec.output(), "combiner.output");
        return new OnnxCombiner(model, spec, manifest.dimension(), options.batchSize());
    }

    /**
     * Warms {@code encoder} up with one input and checks the output width. A model that cannot run the
     * warm-up (e.g. a wrong input rank) is a bad pack too.
     */
    private <E> E checked(E encoder, Function<E, List<float[]>> warmUp, String outputField) {
        int width;
        try {
            width = warmUp.apply(encoder).getFirst().length;
        } catch (ModelPackException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelPackException("warm-up of the model behind manifest field '" + outputField + "' failed: "
                    + e.getMessage(), e);
        }
        if (width != manifest.dimension()) {
            throw new ModelPackException("manifest field '" + outputField + "' yields vectors of dimension " + width
                    + ", but the manifest's 'dimension' is " + manifest.dimension());
        }
        return encoder;
    }

    /** Opens a model file and remembers it, so a failed load closes every session it started. */
    private OnnxModel open(String file) {
        OnnxModel model = opened(sessions.open(file));
        models.add(model);
        return model;
    }

    /**
     * Returns the float16 tensors of every graph after checking them against the manifest's {@code precision}.
     * {@code fp16} accepts float16 and float32 I/O alike: converters keep float32 I/O around float16 weights on
     * request ({@code keep_io_types}), and the weights themselves are not inspected. {@code fp32} promises float32
     * I/O everywhere, so a float16 tensor means the manifest describes some other pack.
     */
    private List<String> checkPrecision() {
        List<String> float16 = models.stream().flatMap(m -> m.float16Tensors().stream()).toList();
        if (manifest.precision() == Precision.FP32 && !float16.isEmpty()) {
            throw new ModelPackException(packDir.resolve(PackManifest.FILE_NAME) + ": field 'precision' is \"fp32\", but "
                    + String.join(", ", float16) + (float16.size() == 1 ? " is a float16 tensor" : " are float16 tensors")
                    + "; a pack whose graphs take or return float16 must say \"precision\": \"fp16\"");
        }
        return float16;
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.push(resource);
        return resource;
    }

    private void closeOpened(RuntimeException failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
