package io.cirstream.tools.packs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.pack.PackManifest.Precision;
import io.cirstream.tools.packs.OnnxGraph.Attr;
import io.cirstream.tools.world.Vocabulary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.cirstream.tools.packs.GraphOps.add;
import static io.cirstream.tools.packs.GraphOps.l2Normalize;
import static io.cirstream.tools.packs.GraphOps.matMul;
import static io.cirstream.tools.packs.GraphOps.mul;

/**
 * CLIP ViT-B/32's two towers with their architecture, tensor shapes and FLOPs but seeded random weights:
 * for throughput measurements only, its embeddings mean nothing. Image: 224 px, 32 px patches, width 768,
 * 12 heads, MLP 3072, class-token pooling. Text: vocabulary 49408, context 77, width 512, 8 heads, causal
 * mask, pooling at the end-of-text token (the highest id). Both project to 512.
 */
final class VitB32ShapedPack {

    static final int DIMENSION = 512;
    private static final int IMAGE_SIZE = 224;
    private static final int PATCH = 32;
    private static final int IMAGE_WIDTH = 768;
    private static final int IMAGE_HEADS = 12;
    private static final int TEXT_WIDTH = 512;
    private static final int TEXT_HEADS = 8;
    private static final int CONTEXT = 77;
    private static final int VOCABULARY = 49_408;
    private static final long PAD_ID = 0;
    private static final long START_ID = VOCABULARY - 2;
    private static final long END_ID = VOCABULARY - 1;

    private final GeneratorOptions options;

    VitB32ShapedPack(GeneratorOptions options) {
        this.options = options;
    }

    void write(Path dir) {
        WordLevelTokenizerFile.write(dir.resolve("tokenizer.json"), vocabulary(),
                List.of(WordLevelTokenizerFile.PAD, WordLevelTokenizerFile.UNKNOWN, WordLevelTokenizerFile.START,
                        WordLevelTokenizerFile.END));
        writeImageTower(dir.resolve("image.onnx"));
        writeTextTower(dir.resolve("text.onnx"));
        ObjectNode root = ManifestJson.root("vit-b32-shaped-l" + options.layers(), DIMENSION, Precision.FP32);
        ManifestJson.image(root, "image.onnx", IMAGE_SIZE);
        ManifestJson.text(root, "text.onnx", CONTEXT, PAD_ID, START_ID, END_ID);
        ManifestJson.write(dir, root);
    }

    /** Plain words first so ordinary captions tokenize to known ids; then filler tokens; start/end last. */
    private static List<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>(List.of(WordLevelTokenizerFile.PAD, WordLevelTokenizerFile.UNKNOWN));
        words.addAll(Vocabulary.attributeWords());
        words.addAll(Vocabulary.FILLER);
        List<String> vocabulary = new ArrayList<>(words);
        for (int i = 0; vocabulary.size() < START_ID; i++) {
            vocabulary.add("tok" + i);
        }
        vocabulary.add(WordLevelTokenizerFile.START);
        vocabulary.add(WordLevelTokenizerFile.END);
        return vocabulary;
    }

    private void writeImageTower(Path file) {
        int grid = IMAGE_SIZE / PATCH;
        int tokens = grid * grid + 1;
        try (OnnxGraph g = new OnnxGraph(file)) {
            TransformerBlocks blocks = new TransformerBlocks(g, options.seed());
            String x = g.input("pixel_values", OnnxGraph.FLOAT, "batch", 3L, (long) IMAGE_SIZE, (long) IMAGE_SIZE);
            String patches = g.op("Conv", List.of(x, blocks.random("patch_embedding", 0.02, IMAGE_WIDTH, 3, PATCH, PATCH)),
                    Attr.ints("strides", PATCH, PATCH));
            String sequence = g.op("Transpose", g.op("Reshape", List.of(patches, g.longs("shape", 0, IMAGE_WIDTH, grid * grid))),
                    Attr.ints("perm", 0, 2, 1));
            // The class token is broadcast to the batch by adding it to a zeroed slice of the sequence.
            String firstPatch = g.op("Slice", List.of(sequence, g.longs("starts", 0), g.longs("ends", 1), g.longs("axes", 1)));
            String classToken = add(g, mul(g, firstPatch, g.scalar("zero", 0f)), blocks.random("class_embedding", 0.02, IMAGE_WIDTH));
            String h = add(g, g.op("Concat", List.of(classToken, sequence), Attr.i("axis", 1)),
                    blocks.random("positional_embedding", 0.02, tokens, IMAGE_WIDTH));
            h = blocks.layerNorm(h, IMAGE_WIDTH);
            for (int l = 0; l < options.layers(); l++) {
                h = blocks.layer(h, IMAGE_WIDTH, IMAGE_HEADS, null);
            }
            String pooled = blocks.layerNorm(g.op("Gather", List.of(h, scalarIndex(g)), Attr.i("axis", 1)), IMAGE_WIDTH);
            String projection = blocks.random("proj", 1.0 / Math.sqrt(IMAGE_WIDTH), IMAGE_WIDTH, DIMENSION);
            String embedding = l2Normalize(g, matMul(g, pooled, projection));
            g.output(embedding, "image_embeds", OnnxGraph.FLOAT, "batch", (long) DIMENSION);
            g.write();
        }
    }

    private void writeTextTower(Path file) {
        try (OnnxGraph g = new OnnxGraph(file)) {
            TransformerBlocks blocks = new TransformerBlocks(g, options.seed() + 1);
            String ids = g.input("input_ids", OnnxGraph.INT64, "batch", (long) CONTEXT);
            String h = add(g, g.op("Gather", List.of(blocks.random("token_embedding", 0.02, VOCABULARY, TEXT_WIDTH), ids)),
                    blocks.random("positional_embedding", 0.01, CONTEXT, TEXT_WIDTH));
            String mask = g.floats("causal_mask", causalMask(), CONTEXT, CONTEXT);
            for (int l = 0; l < options.layers(); l++) {
                h = blocks.layer(h, TEXT_WIDTH, TEXT_HEADS, mask);
            }
            h = blocks.layerNorm(h, TEXT_WIDTH);
            String endOfText = g.op("ArgMax", ids, Attr.i("axis", 1), Attr.i("keepdims", 1));
            String pooled = g.op("GatherND", List.of(h, endOfText), Attr.i("batch_dims", 1));
            String projection = blocks.random("text_projection", 1.0 / Math.sqrt(TEXT_WIDTH), TEXT_WIDTH, DIMENSION);
            String embedding = l2Normalize(g, matMul(g, pooled, projection));
            g.output(embedding, "text_embeds", OnnxGraph.FLOAT, "batch", (long) DIMENSION);
            g.write();
        }
    }

    private static String scalarIndex(OnnxGraph g) {
        return g.op("Constant", List.of(), Attr.tensorInt64Scalar("value", 0));
    }

    /** -1e9 above the diagonal: token t attends to tokens 0..t only. */
    private static float[] causalMask() {
        float[] mask = new float[CONTEXT * CONTEXT];
        for (int i = 0; i < CONTEXT; i++) {
            for (int j = i + 1; j < CONTEXT; j++) {
                mask[i * CONTEXT + j] = -1e9f;
            }
        }
        return mask;
    }
}
