package io.cirstream.tools.packs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.pack.PackManifest.Precision;
import io.cirstream.tools.packs.OnnxGraph.Attr;
import io.cirstream.tools.world.LandCover;
import io.cirstream.tools.world.ObjectColour;
import io.cirstream.tools.world.ObjectKind;
import io.cirstream.tools.world.TileGeometry;
import io.cirstream.tools.world.Vocabulary;

import java.nio.file.Path;
import java.util.List;

import static io.cirstream.tools.packs.GraphOps.add;
import static io.cirstream.tools.packs.GraphOps.l2Normalize;
import static io.cirstream.tools.packs.GraphOps.matMul;
import static io.cirstream.tools.packs.GraphOps.mul;
import static io.cirstream.tools.packs.GraphOps.sum;

/**
 * The synthetic pack in manifest format 2, built so that the seeds' query-side ideas are what retrieval needs:
 * <ul>
 *   <li>The text tower has a <em>modality gap</em>: every text embedding leans on one shared direction (weight
 *   {@link #TEXT_CONE}) orthogonal to all attributes, as CLIP's text embeddings sit in their own cone. Ranking by a
 *   text-side query is unaffected (the shared part scores every image alike), but the plain sum of an image and a
 *   text embedding under-weights the text, so it keeps finding the reference's own look-alikes.</li>
 *   <li>A single pseudo-word holds one concept: phi returns the <em>subject</em> (object kind) only, which is what
 *   FTI4CIR observes of single-token inversion; land cover and colour are lost.</li>
 *   <li>Multi-token inversion (FTI4CIR): the image tower exposes patch features (border region, centre region);
 *   the mapping returns a subject token and two attribute tokens (land cover from the border, colour from the
 *   centre) for a prompt with three placeholders; its text graph drops a token's attribute group when the
 *   modification text names a value of that group (the text changes it), and keeps the rest.</li>
 *   <li>A composer graph ({@code override}) does the same from patch features and text ids in one graph, in image
 *   space (no text cone), as a trained combiner would.</li>
 * </ul>
 * The text graphs pool positions by a sum, so where each token sits among the placeholders does not matter here;
 * a real export substitutes the k-th token at the k-th placeholder.
 */
final class SyntheticV2Pack {

    /** Short on purpose: the synthetic context is 16 tokens, and a longer frame truncated two-change texts. */
    static final String PROMPT = "$ $ $ that {text}";
    /** Weight of the shared text direction against a unit attribute content: the modality gap. */
    static final float TEXT_CONE = 2f;
    private static final int D = SyntheticPack.DIMENSION;
    private static final int LAND = LandCover.values().length;
    private static final int KINDS = ObjectKind.values().length;
    private static final int COLOURS = ObjectColour.values().length;

    private final SyntheticPack base = new SyntheticPack(Precision.FP32);
    private final AttributeSpace space = base.space;
    private final List<String> vocabulary = base.vocabulary;

    void write(Path dir) {
        WordLevelTokenizerFile.write(dir.resolve("tokenizer.json"), vocabulary,
                List.of(WordLevelTokenizerFile.PAD, WordLevelTokenizerFile.START, WordLevelTokenizerFile.END,
                        WordLevelTokenizerFile.UNKNOWN));
        base.writeImageTower(dir.resolve("image.onnx"), true);
        writeText(dir.resolve("text.onnx"), TokenSlot.NONE);
        writeText(dir.resolve("text_pseudo.onnx"), TokenSlot.SINGLE);
        writeText(dir.resolve("text_multi.onnx"), TokenSlot.MULTI);
        writeSubjectPhi(dir.resolve("phi.onnx"));
        writeMapping(dir.resolve("mapping.onnx"));
        writeComposer(dir.resolve("composer.onnx"));
        ManifestJson.write(dir, manifest());
    }

    private ObjectNode manifest() {
        ObjectNode root = ManifestJson.root("synthetic-v2", D, Precision.FP32);
        root.put("format", 2);
        ManifestJson.image(root, "image.onnx", TileGeometry.SIZE);
        ((ObjectNode) root.get("image")).put("patchOutput", "patch_embeds");
        ManifestJson.text(root, "text.onnx", SyntheticPack.CONTEXT_LENGTH, 0, 1, 2);
        long placeholder = vocabulary.indexOf("$");
        root.putObject("pseudoToken")
                .put("phiModel", "phi.onnx").put("phiInput", "image_embeds").put("phiOutput", "token_embeds")
                .put("textModel", "text_pseudo.onnx").put("textInputIds", "input_ids")
                .put("textTokenEmbedding", "token_embeds").put("textOutput", "text_embeds")
                .put("promptTemplate", SyntheticPack.PROMPT).put("placeholderToken", "$").put("placeholderId", placeholder);
        ObjectNode multi = root.putObject("multiToken");
        multi.put("mappingModel", "mapping.onnx");
        multi.putObject("mappingInputs").put("referencePatches", "patch_embeds");
        multi.put("mappingOutput", "token_embeds").put("textModel", "text_multi.onnx").put("textInputIds", "input_ids")
                .put("textTokenEmbeddings", "token_embeds").put("textOutput", "text_embeds")
                .put("promptTemplate", PROMPT).put("placeholderToken", "$").put("placeholderId", placeholder);
        ObjectNode composer = root.putObject("composers").putObject("override");
        composer.put("model", "composer.onnx");
        composer.putObject("inputs").put("referencePatches", "patch_embeds").put("textIds", "input_ids");
        composer.put("output", "query_embeds");
        return root;
    }

    private enum TokenSlot { NONE, SINGLE, MULTI }

    /** ids -> sum of word directions (+ tokens) -> unit content, plus the shared text direction -> L2 norm. */
    private void writeText(Path file, TokenSlot slot) {
        try (OnnxGraph g = new OnnxGraph(file)) {
            String ids = g.input("input_ids", OnnxGraph.INT64, "batch", (long) SyntheticPack.CONTEXT_LENGTH);
            String content = words(g, ids);
            if (slot == TokenSlot.SINGLE) {
                String token = g.input("token_embeds", OnnxGraph.FLOAT, "batch", (long) D);
                String isPlaceholder = g.op("Cast", g.op("Equal", List.of(ids, g.longs("placeholder", vocabulary.indexOf("$")))),
                        Attr.i("to", OnnxGraph.FLOAT));
                content = add(g, content, mul(g, sum(g, isPlaceholder, true, 1), token));
            } else if (slot == TokenSlot.MULTI) {
                String tokens = g.input("token_embeds", OnnxGraph.FLOAT, "batch", 3L, (long) D);
                content = add(g, content, keepUnmentioned(g, sum(g, tokens, false, 1), ids));
            }
            String cone = g.floats("text_cone", scaled(textDirection(), TEXT_CONE), 1, D);
            g.output(l2Normalize(g, add(g, l2Normalize(g, content), cone)), "text_embeds", OnnxGraph.FLOAT, "batch", (long) D);
            g.write();
        }
    }

    private String words(OnnxGraph g, String ids) {
        String embedded = g.op("Gather", List.of(g.floats("word_embeddings", base.wordEmbeddings(), vocabulary.size(), D), ids));
        return sum(g, embedded, false, 1);
    }

    /**
     * The part of {@code tokens} [batch, D] in each attribute group the text does not name: a group named by any
     * word of {@code ids} is the one the text changes, so the reference's value for it is dropped.
     */
    private String keepUnmentioned(OnnxGraph g, String tokens, String ids) {
        float[] groupOfWord = new float[vocabulary.size() * 3];
        List<String> attributes = Vocabulary.attributeWords();
        for (int a = 0; a < attributes.size(); a++) {
            groupOfWord[vocabulary.indexOf(attributes.get(a)) * 3 + group(a)] = 1f;
        }
        String mentioned = g.op("ReduceMax", List.of(g.op("Gather", List.of(g.floats("word_groups", groupOfWord, vocabulary.size(), 3), ids)),
                g.longs("axes", 1)), Attr.i("keepdims", 0));
        String keep = g.op("Sub", List.of(g.scalar("one", 1f), mentioned));
        String kept = null;
        for (int group = 0; group < 3; group++) {
            float[] pick = new float[3];
            pick[group] = 1f;
            String keepGroup = matMul(g, keep, g.floats("pick_group", pick, 3, 1));
            String part = mul(g, keepGroup, matMul(g, tokens, g.floats("group_projection", projection(group), D, D)));
            kept = kept == null ? part : add(g, kept, part);
        }
        return kept;
    }

    /** phi of a single pseudo-word: the subject (object kind) of the reference embedding only. */
    private void writeSubjectPhi(Path file) {
        try (OnnxGraph g = new OnnxGraph(file)) {
            String image = g.input("image_embeds", OnnxGraph.FLOAT, "batch", (long) D);
            g.output(matMul(g, image, g.floats("subject", projection(1), D, D)), "token_embeds", OnnxGraph.FLOAT, "batch", (long) D);
            g.write();
        }
    }

    /** Patches [batch, 2, D] -> tokens [batch, 3, D]: subject (kind, centre), land (border), colour (centre). */
    private void writeMapping(Path file) {
        try (OnnxGraph g = new OnnxGraph(file)) {
            String patches = g.input("patch_embeds", OnnxGraph.FLOAT, "batch", 2L, (long) D);
            String border = patch(g, patches, 0);
            String centre = patch(g, patches, 1);
            List<String> tokens = List.of(
                    g.op("Unsqueeze", List.of(matMul(g, centre, g.floats("subject", projection(1), D, D)), g.longs("axes", 1))),
                    g.op("Unsqueeze", List.of(matMul(g, border, g.floats("land", projection(0), D, D)), g.longs("axes", 1))),
                    g.op("Unsqueeze", List.of(matMul(g, centre, g.floats("colour", projection(2), D, D)), g.longs("axes", 1))));
            g.output(g.op("Concat", tokens, Attr.i("axis", 1)), "token_embeds", OnnxGraph.FLOAT, "batch", 3L, (long) D);
            g.write();
        }
    }

    /** Composer: reference attributes from patches, minus the groups the text changes, plus the text's words. */
    private void writeComposer(Path file) {
        try (OnnxGraph g = new OnnxGraph(file)) {
            String patches = g.input("patch_embeds", OnnxGraph.FLOAT, "batch", 2L, (long) D);
            String ids = g.input("input_ids", OnnxGraph.INT64, "batch", (long) SyntheticPack.CONTEXT_LENGTH);
            String reference = sum(g, patches, false, 1);
            String composed = add(g, keepUnmentioned(g, reference, ids), words(g, ids));
            g.output(l2Normalize(g, composed), "query_embeds", OnnxGraph.FLOAT, "batch", (long) D);
            g.write();
        }
    }

    private static String patch(OnnxGraph g, String patches, int index) {
        float[] pick = {index == 0 ? 1f : 0f, index == 1 ? 1f : 0f};
        return sum(g, mul(g, patches, g.floats("patch_pick", pick, 1, 2, 1)), false, 1);
    }

    /** 0 land cover, 1 object kind, 2 colour, by the order of {@link Vocabulary#attributeWords()}. */
    private static int group(int attribute) {
        return attribute < LAND ? 0 : attribute < LAND + KINDS ? 1 : 2;
    }

    /** Orthogonal projection onto the directions of one attribute group. */
    private float[] projection(int group) {
        float[] p = new float[D * D];
        for (int a = 0; a < LAND + KINDS + COLOURS; a++) {
            if (group(a) != group) {
                continue;
            }
            float[] d = space.direction(a);
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    p[i * D + j] += d[i] * d[j];
                }
            }
        }
        return p;
    }

    /** A unit direction orthogonal to every attribute: e_0 with the attribute directions projected out. */
    private float[] textDirection() {
        double[] v = new double[D];
        for (int i = 0; i < D; i++) {
            v[i] = Math.cos(0.7 * i + 0.3);
        }
        for (int a = 0; a < space.attributes(); a++) {
            float[] d = space.direction(a);
            double dot = 0;
            for (int i = 0; i < D; i++) {
                dot += v[i] * d[i];
            }
            for (int i = 0; i < D; i++) {
                v[i] -= dot * d[i];
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        float[] out = new float[D];
        for (int i = 0; i < D; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    private static float[] scaled(float[] v, float factor) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }
}
