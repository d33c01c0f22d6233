package io.cirstream.contract.pack;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.pack.PackManifest.ChannelOrder;
import io.cirstream.contract.pack.PackManifest.CombinerSpec;
import io.cirstream.contract.pack.PackManifest.ImageTower;
import io.cirstream.contract.pack.PackManifest.Precision;
import io.cirstream.contract.pack.PackManifest.Preprocessing;
import io.cirstream.contract.pack.PackManifest.PseudoTokenSpec;
import io.cirstream.contract.pack.PackManifest.TextTower;
import io.cirstream.contract.pack.PackManifest.TokenizerSpec;

import io.cirstream.contract.pack.PackManifest.ComposerSpec;
import io.cirstream.contract.pack.PackManifest.MultiTokenSpec;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses and checks {@code manifest.json}. Only what can be checked without ONNX Runtime happens here
 * (types, ranges, files present inside the pack); tensor names and output widths are checked by {@code PackLoader}.
 */
public final class PackManifestReader {

    /** Format 1: towers, pseudo-token, combiner. Format 2 adds patch features, multi-token inversion, composers. */
    static final int FORMAT = 1;
    static final int FORMAT_V2 = 2;
    static final String RESIZE = "shortest-side-bicubic";
    static final String CROP = "center";

    private final Path packDir;

    private PackManifestReader(Path packDir) {
        this.packDir = packDir.toAbsolutePath().normalize();
    }

    public static PackManifest read(Path packDir) {
        return new PackManifestReader(packDir).read();
    }

    private PackManifest read() {
        Path file = packDir.resolve(PackManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ModelPackException("model pack " + packDir + " has no " + PackManifest.FILE_NAME);
        }
        JsonFields root = new JsonFields(file.toString(), "", parse(file));
        int format = (int) root.integer("format", FORMAT, FORMAT_V2);
        if (format < FORMAT_V2) {
            requireV1(root, "multiToken", "composers");
            requireV1(root.object("image"), "patchOutput");
        }
        return new PackManifest(
                format,
                root.text("id"),
                (int) root.integer("dimension", 1, 65_536),
                root.choice("space", SpaceType.class),
                root.choice("precision", Precision.class),
                image(root.object("image")),
                text(root.object("text")),
                root.optionalObject("pseudoToken").map(this::pseudoToken),
                root.optionalObject("combiner").map(this::combiner),
                root.optionalObject("multiToken").map(this::multiToken),
                composers(root));
    }

    /** A format-1 manifest using a format-2 field is a manifest that forgot its version: say so, do not ignore it. */
    private static void requireV1(JsonFields fields, String... v2Fields) {
        for (String field : v2Fields) {
            if (fields.has(field)) {
                throw fields.error(field, "needs \"format\": " + FORMAT_V2 + " (the manifest says " + FORMAT + ")");
            }
        }
    }

    private static JsonNode parse(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ModelPackException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelPackException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private ImageTower image(JsonFields image) {
        JsonFields pre = image.object("preprocessing");
        pre.expect("resize", RESIZE);
        pre.expect("crop", CROP);
        Preprocessing preprocessing = new Preprocessing(
                (int) pre.integer("size", 1, 4096),
                pre.choice("channels", ChannelOrder.class),
                pre.floats("mean", 3, 0f, 1f, false),
                pre.floats("std", 3, 0f, 10f, true));
        return new ImageTower(file(image, "model"), image.text("input"), image.text("output"),
                image.optionalText("patchOutput"), preprocessing);
    }

    private TextTower text(JsonFields text) {
        JsonFields tok = text.object("tokenizer");
        TokenizerSpec tokenizer = new TokenizerSpec(
                file(tok, "file"),
                (int) tok.integer("contextLength", 3, 4096),
                tok.integer("padId", 0, Integer.MAX_VALUE),
                tok.integer("bosId", 0, Integer.MAX_VALUE),
                tok.integer("eosId", 0, Integer.MAX_VALUE));
        return new TextTower(file(text, "model"), text.text("inputIds"), text.optionalText("attentionMask"),
                text.text("output"), tokenizer);
    }

    private PseudoTokenSpec pseudoToken(JsonFields pt) {
        String template = pt.text("promptTemplate");
        String placeholder = pt.text("placeholderToken");
        if (!template.contains(placeholder) || !template.contains(PseudoTokenSpec.TEXT_SLOT)) {
            throw pt.error("promptTemplate", "must contain the placeholder \"" + placeholder + "\" and "
                    + PseudoTokenSpec.TEXT_SLOT + ", was \"" + template + "\"");
        }
        return new PseudoTokenSpec(file(pt, "phiModel"), pt.text("phiInput"), pt.text("phiOutput"),
                file(pt, "textModel"), pt.text("textInputIds"), pt.text("textTokenEmbedding"), pt.text("textOutput"),
                template, placeholder, pt.integer("placeholderId", 0, Integer.MAX_VALUE));
    }

    private CombinerSpec combiner(JsonFields c) {
        return new CombinerSpec(file(c, "model"), c.text("imageInput"), c.text("textInput"), c.text("output"));
    }

    private MultiTokenSpec multiToken(JsonFields mt) {
        String template = mt.text("promptTemplate");
        String placeholder = mt.text("placeholderToken");
        if (!template.contains(placeholder) || !template.contains(PseudoTokenSpec.TEXT_SLOT)) {
            throw mt.error("promptTemplate", "must contain the placeholder \"" + placeholder + "\" and "
                    + PseudoTokenSpec.TEXT_SLOT + ", was \"" + template + "\"");
        }
        return new MultiTokenSpec(file(mt, "mappingModel"), inputs(mt, "mappingInputs"), mt.text("mappingOutput"),
                file(mt, "textModel"), mt.text("textInputIds"), mt.text("textTokenEmbeddings"), mt.text("textOutput"),
                template, placeholder, mt.integer("placeholderId", 0, Integer.MAX_VALUE));
    }

    private Map<String, ComposerSpec> composers(JsonFields root) {
        Map<String, ComposerSpec> composers = new LinkedHashMap<>();
        root.optionalObject("composers").ifPresent(all -> {
            for (String name : all.names()) {
                if (!name.matches("[a-z][a-z0-9_-]{0,40}")) {
                    throw all.error(name, "is not a composer name: lower-case letters, digits, '_' or '-', "
                            + "starting with a letter (it becomes the API's method preset)");
                }
                JsonFields c = all.object(name);
                composers.put(name, new ComposerSpec(name, file(c, "model"), inputs(c, "inputs"), c.text("output")));
            }
            if (composers.isEmpty()) {
                throw root.error("composers", "is empty; leave it out or name at least one composer");
            }
        });
        return composers;
    }

    /** {@code {"referenceEmbedding": "image_embeds", ...}}: documented input kinds to graph input names. */
    private static Map<ComposerInput, String> inputs(JsonFields parent, String name) {
        JsonFields inputs = parent.object(name);
        Map<ComposerInput, String> mapped = new EnumMap<>(ComposerInput.class);
        for (String field : inputs.names()) {
            ComposerInput input = ComposerInput.of(field).orElseThrow(() -> inputs.error(field,
                    "is not a composer input; the documented inputs are " + ComposerInput.fields()));
            mapped.put(input, inputs.text(field));
        }
        if (mapped.isEmpty()) {
            throw parent.error(name, "is empty; name at least one of " + ComposerInput.fields());
        }
        return mapped;
    }

    /** A file named by the manifest must be a relative path to an existing file inside the pack: nothing is fetched. */
    private String file(JsonFields fields, String name) {
        String value = fields.text(name);
        if (value.contains("://") || value.contains(":")) {
            throw fields.error(name, "must be a relative file path inside the pack, not a URL or hub id: \"" + value + "\"");
        }
        Path resolved = packDir.resolve(value).normalize();
        if (Path.of(value).isAbsolute() || !resolved.startsWith(packDir)) {
            throw fields.error(name, "must be a relative path inside the pack directory, was \"" + value + "\"");
        }
        if (!Files.isRegularFile(resolved)) {
            throw fields.error(name, "names \"" + value + "\", which is not a file in " + packDir
                    + " (packs are self-contained: nothing is downloaded)");
        }
        return value;
    }
}
