package io.cirstream.contract.pack;


import java.util.List;
import java.util.Optional;

/**
 * The parsed {@code manifest.json} of a model pack. File fields are paths relative to the pack directory.
 * {@link PackManifestReader} builds it and checks every value; {@code PackLoader} checks it against the ONNX files.
 */
public record PackManifest(
        String id,
        int dimension,
        SpaceType space,
        Precision precision,
        ImageTower image,
        TextTower text,
        Optional<PseudoTokenSpec> pseudoToken,
        Optional<CombinerSpec> combiner) {

    public static final String FILE_NAME = "manifest.json";

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

    /** Image tower: float32 NCHW pixels in, one embedding per image out. */
    public record ImageTower(String model, String input, String output, Preprocessing preprocessing) { }

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
}
