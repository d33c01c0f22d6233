package io.cirstream.tools.packs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.pack.PackManifest.Precision;
import io.cirstream.tools.packs.OnnxGraph.Attr;
import io.cirstream.tools.world.LandCover;
import io.cirstream.tools.world.ObjectColour;
import io.cirstream.tools.world.Rgb;
import io.cirstream.tools.world.TileGeometry;
import io.cirstream.tools.world.Vocabulary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.cirstream.tools.packs.GraphOps.add;
import static io.cirstream.tools.packs.GraphOps.l2Normalize;
import static io.cirstream.tools.packs.GraphOps.matMul;
import static io.cirstream.tools.packs.GraphOps.mul;
import static io.cirstream.tools.packs.GraphOps.sum;

/**
 * The analytic dual encoder of the synthetic world. Each attribute (land cover, object kind, object colour)
 * owns a direction of the embedding space ({@link AttributeSpace}). The image tower reads the attributes
 * from pixels with fixed weights: land cover from the colour of the border ring, object colour from the
 * centre, object kind by matching the object's silhouette against the world's shape templates. The text
 * tower sums the directions of the attribute words it sees, so "make it red" points at red things.
 *
 * <p>The {@link Precision#FP16 FP16} variant is the same graphs with float16 inputs, outputs and weights, computing in
 * float16 where ONNX Runtime's CPU provider can and in float32 elsewhere ({@link Float16Placement}).
 */
final class SyntheticPack {

    static final int DIMENSION = 64;
    static final int CONTEXT_LENGTH = 16;
    static final String PROMPT = "a photo of $ that {text}";
    /** 1/σ² of the Gaussian that scores how close a pixel is to a palette colour. */
    private static final float COLOUR_SHARPNESS = 50f;
    /** Softmax temperature over silhouette similarities: makes the kind block nearly one-hot. */
    private static final float SHAPE_SHARPNESS = 60f;

    final AttributeSpace space = new AttributeSpace(DIMENSION, 7L);
    final List<String> vocabulary = vocabulary();
    private final Precision precision;

    SyntheticPack(Precision precision) {
        this.precision = precision;
    }

    void write(Path dir) {
        WordLevelTokenizerFile.write(dir.resolve("tokenizer.json"), vocabulary,
                List.of(WordLevelTokenizerFile.PAD, WordLevelTokenizerFile.START, WordLevelTokenizerFile.END,
                        WordLevelTokenizerFile.UNKNOWN));
        writeImageTower(dir.resolve("image.onnx"));
        writeTextTower(dir.resolve("text.onnx"), false);
        writeTextTower(dir.resolve("text_pseudo.onnx"), true);
        writePhi(dir.resolve("phi.onnx"));
        writeCombiner(dir.resolve("combiner.onnx"));
        ManifestJson.write(dir, manifest());
    }

    private ObjectNode manifest() {
        ObjectNode root = ManifestJson.root(precision == Precision.FP16 ? "synthetic-fp16-v1" : "synthetic-v1", DIMENSION,
                precision);
        ManifestJson.image(root, "image.onnx", TileGeometry.SIZE);
        ManifestJson.text(root, "text.onnx", CONTEXT_LENGTH, 0, 1, 2);
        root.putObject("pseudoToken")
                .put("phiModel", "phi.onnx").put("phiInput", "image_embeds").put("phiOutput", "token_embeds")
                .put("textModel", "text_pseudo.onnx").put("textInputIds", "input_ids")
                .put("textTokenEmbedding", "token_embeds").put("textOutput", "text_embeds")
                .put("promptTemplate", PROMPT).put("placeholderToken", "$").put("placeholderId", vocabulary.indexOf("$"));
        root.putObject("combiner").put("model", "combiner.onnx").put("imageInput", "image_embeds")
                .put("textInput", "text_embeds").put("output", "query_embeds");
        return root;
    }

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>(List.of(WordLevelTokenizerFile.PAD, WordLevelTokenizerFile.START,
                WordLevelTokenizerFile.END, WordLevelTokenizerFile.UNKNOWN));
        words.addAll(Vocabulary.attributeWords());
        words.addAll(Vocabulary.FILLER);
        return words;
    }

    private void writeImageTower(Path file) {
        writeImageTower(file, false);
    }

    /**
     * The image tower; with {@code patches} it also outputs {@code patch_embeds} [batch, 2, 64]: the border
     * region's features (land cover) and the centre region's (object kind and colour), each in attribute space,
     * standing in for a ViT's patch tokens.
     */
    void writeImageTower(Path file, boolean patches) {
        int size = TileGeometry.SIZE;
        try (OnnxGraph g = new OnnxGraph(file, precision)) {
            String x = g.input("pixel_values", g.floatType(), "batch", 3L, (long) size, (long) size);
            String pixels = add(g, mul(g, x, g.floats("std", ManifestJson.CLIP_STD, 1, 3, 1, 1)),
                    g.floats("mean", ManifestJson.CLIP_MEAN, 1, 3, 1, 1));
            String squares = g.op("ReduceSumSquare", List.of(pixels, g.longs("axes", 1)), Attr.i("keepdims", 1));
            String landNear = nearness(g, pixels, squares, landPalette());
            String paintNear = nearness(g, pixels, squares, paintPalette());
            String land = regionProportions(g, landNear, g.floats("border", RegionMasks.border(), 1, 1, size, size));
            String paint = regionProportions(g, paintNear, g.floats("centre", RegionMasks.centre(), 1, 1, size, size));
            String kind = kindScores(g, sum(g, paintNear, true, 1));
            String features = g.op("Concat", List.of(land, kind, paint), Attr.i("axis", 1));
            String embedding = l2Normalize(g, matMul(g, features, g.floats("attribute_directions", space.directions(),
                    space.attributes(), DIMENSION)));
            g.output(embedding, "image_embeds", g.floatType(), "batch", (long) DIMENSION);
            if (patches) {
                String border = regionPatch(g, features, 0, LandCover.values().length);
                String centre = regionPatch(g, features, LandCover.values().length, space.attributes());
                g.output(g.op("Concat", List.of(border, centre), Attr.i("axis", 1)), "patch_embeds", g.floatType(),
                        "batch", 2L, (long) DIMENSION);
            }
            g.write();
        }
    }

    /** Features of attributes [from, to) mapped into the embedding space, as one patch: [batch, 1, dimension]. */
    private String regionPatch(OnnxGraph g, String features, int from, int to) {
        float[] mask = new float[space.attributes()];
        Arrays.fill(mask, from, to, 1f);
        String kept = mul(g, features, g.floats("region_mask", mask, 1, space.attributes()));
        String patch = matMul(g, kept, g.floats("patch_directions", space.directions(), space.attributes(), DIMENSION));
        return g.op("Unsqueeze", List.of(patch, g.longs("axes", 1)));
    }

    /** Per palette colour, its share of the nearness mass inside {@code region}: [batch, colours]. */
    private static String regionProportions(OnnxGraph g, String nearness, String region) {
        return GraphOps.proportions(g, sum(g, mul(g, nearness, region), false, 2, 3));
    }

    /** exp(-||pixel - colour||² · sharpness) for every palette colour: [batch, colours, H, W]. */
    private static String nearness(OnnxGraph g, String pixels, String squares, float[][] palette) {
        int n = palette.length;
        float[] kernel = new float[n * 3];
        float[] colourSquares = new float[n];
        for (int c = 0; c < n; c++) {
            System.arraycopy(palette[c], 0, kernel, c * 3, 3);
            colourSquares[c] = palette[c][0] * palette[c][0] + palette[c][1] * palette[c][1] + palette[c][2] * palette[c][2];
        }
        String dots = g.op("Conv", List.of(pixels, g.floats("palette", kernel, n, 3, 1, 1)));
        String distance = add(g, g.op("Sub", List.of(squares, mul(g, dots, g.scalar("two", 2f)))),
                g.floats("palette_sq", colourSquares, 1, n, 1, 1));
        return g.op("Exp", mul(g, distance, g.scalar("sharpness", -COLOUR_SHARPNESS)));
    }

    /** Softmax over cosine similarities between the object mask and each kind's expected silhouette. */
    private static String kindScores(OnnxGraph g, String objectMask) {
        int pixels = TileGeometry.SIZE * TileGeometry.SIZE;
        float[] templates = ShapeTemplates.unitTemplates();
        String flat = g.op("Flatten", objectMask, Attr.i("axis", 1));
        String dots = matMul(g, flat, g.floats("templates", templates, pixels, templates.length / pixels));
        String sq = g.op("ReduceSumSquare", List.of(flat, g.longs("axes", 1)), Attr.i("keepdims", 1));
        String norm = g.op("Sqrt", add(g, sq, g.scalar("eps", 1e-6f)));
        String cosine = g.op("Div", List.of(dots, norm));
        return g.op("Softmax", mul(g, cosine, g.scalar("shape_sharpness", SHAPE_SHARPNESS)), Attr.i("axis", -1));
    }

    /** ids -> sum of word directions (attribute words only; fillers and specials are zero) -> L2 norm. */
    private void writeTextTower(Path file, boolean withPseudoToken) {
        try (OnnxGraph g = new OnnxGraph(file, precision)) {
            String ids = g.input("input_ids", OnnxGraph.INT64, "batch", (long) CONTEXT_LENGTH);
            String embedded = g.op("Gather", List.of(g.floats("word_embeddings", wordEmbeddings(), vocabulary.size(), DIMENSION), ids));
            if (withPseudoToken) {
                String token = g.input("token_embeds", g.floatType(), "batch", (long) DIMENSION);
                String isPlaceholder = g.op("Cast", g.op("Equal", List.of(ids, g.longs("placeholder", vocabulary.indexOf("$")))),
                        Attr.i("to", OnnxGraph.FLOAT));
                String slot = g.op("Unsqueeze", List.of(isPlaceholder, g.longs("axes", 2)));
                String tokenRow = g.op("Unsqueeze", List.of(token, g.longs("axes", 1)));
                embedded = add(g, embedded, mul(g, slot, tokenRow));
            }
            String pooled = l2Normalize(g, sum(g, embedded, false, 1));
            g.output(pooled, "text_embeds", g.floatType(), "batch", (long) DIMENSION);
            g.write();
        }
    }

    float[] wordEmbeddings() {
        float[] table = new float[vocabulary.size() * DIMENSION];
        List<String> attributes = Vocabulary.attributeWords();
        for (int a = 0; a < attributes.size(); a++) {
            System.arraycopy(space.direction(a), 0, table, vocabulary.indexOf(attributes.get(a)) * DIMENSION, DIMENSION);
        }
        return table;
    }

    /** phi: the reference embedding itself is the pseudo-token (the word space and image space coincide here). */
    private void writePhi(Path file) {
        try (OnnxGraph g = new OnnxGraph(file, precision)) {
            String image = g.input("image_embeds", g.floatType(), "batch", (long) DIMENSION);
            String token = matMul(g, image, g.floats("phi_weight", identity(DIMENSION, 1f), DIMENSION, DIMENSION));
            g.output(token, "token_embeds", g.floatType(), "batch", (long) DIMENSION);
            g.write();
        }
    }

    /** Combiner: [i; t] · ([I; I] / 2), normalised — a fixed-weight stand-in for a trained CLIP4Cir combiner. */
    private void writeCombiner(Path file) {
        try (OnnxGraph g = new OnnxGraph(file, precision)) {
            String image = g.input("image_embeds", g.floatType(), "batch", (long) DIMENSION);
            String text = g.input("text_embeds", g.floatType(), "batch", (long) DIMENSION);
            float[] weight = new float[2 * DIMENSION * DIMENSION];
            float[] half = identity(DIMENSION, 0.5f);
            System.arraycopy(half, 0, weight, 0, half.length);
            System.arraycopy(half, 0, weight, half.length, half.length);
            String joined = g.op("Concat", List.of(image, text), Attr.i("axis", 1));
            String fused = l2Normalize(g, matMul(g, joined, g.floats("combiner_weight", weight, 2L * DIMENSION, DIMENSION)));
            g.output(fused, "query_embeds", g.floatType(), "batch", (long) DIMENSION);
            g.write();
        }
    }

    static float[] identity(int n, float value) {
        float[] m = new float[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = value;
        }
        return m;
    }

    private static float[][] landPalette() {
        return Arrays.stream(LandCover.values()).map(c -> rgb(c.colour())).toArray(float[][]::new);
    }

    private static float[][] paintPalette() {
        return Arrays.stream(ObjectColour.values()).map(c -> rgb(c.colour())).toArray(float[][]::new);
    }

    private static float[] rgb(Rgb c) {
        return new float[] {c.r(), c.g(), c.b()};
    }
}
