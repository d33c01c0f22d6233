package io.cirstream.contract.pack;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code manifest.json} of a model pack. File fields are paths relative to the pack directory.
 * {@link PackManifestReader} builds it and checks every value; {@code PackLoader} checks it against the ONNX files.
 */
public record PackManifest(
        int formatVersion,
        String id,
        int dimension,
        SpaceType space,
        Precision precision,
        ImageTower image,
        TextTower text,
        Optional<PseudoTokenSpec> pseudoToken,
        Optional<CombinerSpec> combiner,
        Optional<MultiTokenSpec> multiToken,
        Map<String, ComposerSpec> composers) {

    public static final String FILE_NAME = "manifest.json";

    public PackManifest {
        composers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(composers));
    }

    /**
     * Weight precision. {@code FP32}: every graph takes and returns float32. {@code FP16}: float16 weights, and each
     * real-valued input or output may be float16 or float32 (the runtime converts at the session's edge).
     */
    public enum Precision { FP32, FP16 }

    public enum ChannelOrder { RGB, BGR }

    /** CLIP preprocessing: shortest side bicubic-resized to {@code size}, centre crop {@code size}², (x - mean) / std. */
    public record Preprocessing(int size, ChannelOrder channels, List<Float> mean, List<Float> std) {
        public Preprocessing {
            mean = List.copyOf(mean);
            std = List.copyOf(std);
        }
    }

    /**
     * Image tower: float32 NCHW pixels in, one embedding per image out; in format 2 optionally also patch/local
     * features [batch, patches, width] as a second named output, fetched only by the query side that asks for it.
     */
    public record ImageTower(String model, String input, String output, Optional<String> patchOutput,
                             Preprocessing preprocessing) { }

    /** Text tower: int64 token ids [batch, contextLength] in (plus an optional attention mask), embeddings out. */
    public record TextTower(String model, String inputIds, Optional<String> attentionMask, String output,
                            TokenizerSpec tokenizer) { }

    /** A Hugging Face {@code tokenizer.json}; the runtime adds bos/eos and pads to the context length itself. */
    public record TokenizerSpec(String file, int contextLength, long padId, long bosId, long eosId) { }

    /**
     * phi ({@code model}: image embedding -> pseudo-token embedding) and the text tower variant that takes the
     * token ids of the filled template plus that embedding and substitutes it at the placeholder position.
     */
    public record PseudoTokenSpec(String phiModel, String phiInput, String phiOutput,
                                  String textModel, String textInputIds, String textTokenEmbedding, String textOutput,
                                  String promptTemplate, String placeholderToken, long placeholderId) {

        /** Where the modification text goes in {@link #promptTemplate()}. */
        public static final String TEXT_SLOT = "{text}";

        public String prompt(String modificationText) {
            return promptTemplate.replace(TEXT_SLOT, modificationText);
        }
    }

    /** Combiner network: image feature + text feature -> query feature. */
    public record CombinerSpec(String model, String imageInput, String textInput, String output) { }

    /**
     * Format 2: multi-token textual inversion (FTI4CIR). The mapping graph takes inputs from {@link ComposerInput}
     * (typically the reference embedding and patch features) and returns [batch, tokens, width], one token per
     * placeholder of the template (e.g. a subject token and attribute tokens); the text graph takes the ids of the
     * filled prompt and the tokens, substituting the k-th token at the k-th placeholder.
     */
    public record MultiTokenSpec(String mappingModel, Map<ComposerInput, String> mappingInputs, String mappingOutput,
                                 String textModel, String textInputIds, String textTokenEmbeddings, String textOutput,
                                 String promptTemplate, String placeholderToken, long placeholderId) {

        public MultiTokenSpec {
            mappingInputs = Map.copyOf(mappingInputs);
        }

        public String prompt(String modificationText) {
            return promptTemplate.replace(PseudoTokenSpec.TEXT_SLOT, modificationText);
        }

        /** How many tokens the mapping must return: the placeholders in the template. */
        public int tokens() {
            return promptTemplate.split(java.util.regex.Pattern.quote(placeholderToken), -1).length - 1;
        }
    }

    /**
     * Format 2: a composer graph, the whole query side of a method as one ONNX file: named inputs chosen from
     * {@link ComposerInput} -> the query vector {@code output} [batch, dimension].
     */
    public record ComposerSpec(String name, String model, Map<ComposerInput, String> inputs, String output) {
        public ComposerSpec {
            inputs = Map.copyOf(inputs);
        }
    }
}
