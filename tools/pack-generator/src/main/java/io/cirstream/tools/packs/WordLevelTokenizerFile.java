package io.cirstream.tools.packs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a Hugging Face {@code tokenizer.json} with a WordLevel model: lowercase normaliser, whitespace
 * pre-tokenizer, token id = position in {@code vocabulary}. The first {@code specialCount} entries are special.
 */
final class WordLevelTokenizerFile {

    static final String PAD = "<pad>";
    static final String START = "<start>";
    static final String END = "<end>";
    static final String UNKNOWN = "<unk>";

    private WordLevelTokenizerFile() {
    }

    static void write(Path file, List<String> vocabulary, List<String> specials) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : specials) {
            added.addObject().put("id", vocabulary.indexOf(special)).put("content", special).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putObject("normalizer").put("type", "Lowercase");
        root.putObject("pre_tokenizer").put("type", "Whitespace");
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < vocabulary.size(); i++) {
            vocab.put(vocabulary.get(i), i);
        }
        model.put("unk_token", UNKNOWN);
        try {
            Json.mapper().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
