package io.cirstream.tools.packs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.pack.PackManifest;
import io.cirstream.contract.pack.PackManifest.Precision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** The manifest sections every generated pack shares, written in the format {@code ManifestReader} reads. */
final class ManifestJson {

    /** CLIP's normalisation constants (OpenAI CLIP, RGB). */
    static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private ManifestJson() {
    }

    static ObjectNode root(String id, int dimension, Precision precision) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", 1).put("id", id).put("dimension", dimension).put("space", "cosine")
                .put("precision", precision.name().toLowerCase(Locale.ROOT));
        return root;
    }

    static void image(ObjectNode root, String model, int size) {
        ObjectNode image = root.putObject("image");
        image.put("model", model).put("input", "pixel_values").put("output", "image_embeds");
        ObjectNode pre = image.putObject("preprocessing");
        pre.put("size", size).put("resize", "shortest-side-bicubic").put("crop", "center").put("channels", "RGB");
        array(pre.putArray("mean"), CLIP_MEAN);
        array(pre.putArray("std"), CLIP_STD);
    }

    static void text(ObjectNode root, String model, int contextLength, long padId, long bosId, long eosId) {
        ObjectNode text = root.putObject("text");
        text.put("model", model).put("inputIds", "input_ids").put("output", "text_embeds");
        text.putObject("tokenizer").put("file", "tokenizer.json").put("contextLength", contextLength)
                .put("padId", padId).put("bosId", bosId).put("eosId", eosId);
    }

    static void write(Path packDir, ObjectNode root) {
        try {
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(packDir.resolve(PackManifest.FILE_NAME).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest in " + packDir, e);
        }
    }

    private static void array(ArrayNode node, float[] values) {
        for (float v : values) {
            node.add(v);
        }
    }
}
