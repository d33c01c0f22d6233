package io.cirstream.model;

import io.cirstream.contract.pack.PackManifest.Precision;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.SessionFactory;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.Vocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic-fp16 pack (float16 inputs, outputs and weights) through the real runtime, path by path against
 * the fp32 synthetic pack on identical inputs.
 *
 * <p>Tolerance: outputs are unit vectors and float16 keeps 11 significant bits, so rounding a component in
 * [0.5, 1) errs by up to 2^-12 ≈ 2.4e-4. Each path rounds several times (float16 input, float16 weights, float16
 * MatMul, float16 output), and the image tower's silhouette softmax (logits scaled by 60) amplifies what reaches
 * it: measured worst cases are 1.1e-3 (image) and 3e-4 (the others). The bounds, 5e-3 per component (about ten
 * float16 steps near 1) and cosine 0.9999, leave room for that and still fail on any real conversion error
 * (bits read as the wrong type, a lost scale, an input fed to the wrong tensor).
 */
class Fp16PackTest {

    private static final double MIN_COSINE = 0.9999;
    private static final double MAX_COMPONENT_DIFFERENCE = 0.005;

    private static ModelRuntime fp32;
    private static ModelRuntime fp16;

    @BeforeAll
    static void load() {
        fp32 = ModelRuntime.load(TestPacks.synthetic(), TestPacks.options());
        fp16 = ModelRuntime.load(TestPacks.syntheticFp16(), TestPacks.options());
    }

    @AfterAll
    static void close() {
        fp16.close();
        fp32.close();
    }

    @Test
    void graphsReallyTakeAndReturnFloat16() {
        assertThat(fp16.manifest().precision()).isEqualTo(Precision.FP16);
        assertThat(fp16.packId()).isEqualTo("synthetic-fp16-v1");
        try (OnnxModel image = new SessionFactory(TestPacks.syntheticFp16(), TestPacks.options()).open("image.onnx")) {
            image.requireFloatInput("pixel_values", "image.input").requireOutput("image_embeds", "image.output");
            assertThat(image.float16Tensors()).containsExactly("image.onnx input 'pixel_values'", "image.onnx output 'image_embeds'");
        }
    }

    @Test
    void imageTowerMatchesFp32() {
        var tiles = SyntheticPackTest.tiles(60);
        assertClose("image", fp16.images().encode(tiles), fp32.images().encode(tiles));
    }

    @Test
    void textTowerMatchesFp32AndKeepsEmptyTextsZero() {
        List<String> texts = new ArrayList<>(Vocabulary.attributeWords());
        texts.addAll(captions());
        assertClose("text", fp16.texts().encode(texts), fp32.texts().encode(texts));
        // A text without attribute words sums to zero: float16 would flush a 1e-12 epsilon to 0 and divide 0 by 0.
        assertThat(SyntheticPackTest.norm(fp16.texts().encode(List.of("the")).getFirst())).isZero();
    }

    @Test
    void pseudoTokenAndCombinerMatchFp32OnTheSameInputs() {
        List<String> captions = captions();
        List<float[]> references = fp32.images().encode(SyntheticPackTest.tiles(captions.size()));
        List<float[]> texts = fp32.texts().encode(captions);
        assertClose("pseudo-token", fp16.pseudoTokens().orElseThrow().compose(references, captions),
                fp32.pseudoTokens().orElseThrow().compose(references, captions));
        assertClose("combiner", fp16.combiner().orElseThrow().combine(references, texts),
                fp32.combiner().orElseThrow().combine(references, texts));
    }

    private static List<String> captions() {
        return SyntheticWorld.queries(5L, 200, 40).stream().map(SyntheticQuery::caption).toList();
    }

    private static void assertClose(String path, List<float[]> half, List<float[]> single) {
        assertThat(half).hasSameSizeAs(single);
        double worstCosine = 1;
        double worstComponent = 0;
        for (int i = 0; i < half.size(); i++) {
            worstCosine = Math.min(worstCosine, SyntheticPackTest.dot(half.get(i), single.get(i)));
            for (int d = 0; d < half.get(i).length; d++) {
                worstComponent = Math.max(worstComponent, Math.abs(half.get(i)[d] - single.get(i)[d]));
            }
        }
        System.out.printf("fp16 vs fp32 %s (%d vectors): min cosine %.6f, max component difference %.5f%n",
                path, half.size(), worstCosine, worstComponent);
        assertThat(worstCosine).as(path + ": min cosine to fp32").isGreaterThanOrEqualTo(MIN_COSINE);
        assertThat(worstComponent).as(path + ": max component difference to fp32").isLessThanOrEqualTo(MAX_COMPONENT_DIFFERENCE);
    }
}
