package io.cirstream.model;

import io.cirstream.contract.pack.SpaceType;

import io.cirstream.tools.world.Attributes;
import io.cirstream.tools.world.LandCover;
import io.cirstream.tools.world.ObjectColour;
import io.cirstream.tools.world.ObjectKind;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;
import io.cirstream.tools.world.TileSpec;
import io.cirstream.tools.world.Vocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The synthetic pack through the real runtime (ONNX Runtime + DJL tokenizers). */
class SyntheticPackTest {

    private static ModelRuntime runtime;

    @BeforeAll
    static void load() {
        runtime = ModelRuntime.load(TestPacks.synthetic(), TestPacks.options());
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void describesItself() {
        assertThat(runtime.packId()).isEqualTo("synthetic-v1");
        assertThat(runtime.dimension()).isEqualTo(64);
        assertThat(runtime.space()).isEqualTo(SpaceType.COSINE);
        assertThat(runtime.space().openSearchName()).isEqualTo("cosinesimil");
        assertThat(runtime.images().dimension()).isEqualTo(64);
        assertThat(runtime.texts().dimension()).isEqualTo(64);
        assertThat(runtime.pseudoTokens()).isPresent();
        assertThat(runtime.combiner()).isPresent();
    }

    @Test
    void imageEmbeddingsAreUnitLengthAndDeterministic() {
        List<BufferedImage> tiles = tiles(40);
        List<float[]> first = runtime.images().encode(tiles);
        List<float[]> second = runtime.images().encode(tiles.reversed()).reversed();
        assertThat(first).hasSize(40);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i)).hasSize(64);
            assertThat(norm(first.get(i))).isCloseTo(1.0, within(1e-4));
            assertThat(first.get(i)).containsExactly(second.get(i), within(1e-5f));
        }
    }

    @Test
    void imageTowerReadsTheDrawnAttributes() {
        int correct = 0;
        int total = 120;
        List<float[]> embeddings = runtime.images().encode(tiles(total));
        List<float[]> words = runtime.texts().encode(Vocabulary.attributeWords());
        for (int i = 0; i < total; i++) {
            TileSpec spec = SyntheticWorld.tile(1L, i);
            Attributes read = strongest(embeddings.get(i), words);
            correct += read.equals(new Attributes(spec.land(), spec.kind(), spec.colour())) ? 1 : 0;
        }
        System.out.printf("synthetic image tower: %d/%d tiles read with all three attributes right%n", correct, total);
        assertThat(correct).isGreaterThanOrEqualTo(total * 95 / 100);
    }

    @Test
    void textTowerPointsAtTheNamedAttribute() {
        List<float[]> out = runtime.texts().encode(List.of("make it red", "MAKE IT RED", "same but on desert", "the"));
        float[] red = runtime.texts().encode(List.of("red")).getFirst();
        assertThat(dot(out.get(0), red)).isCloseTo(1.0, within(1e-4));
        assertThat(out.get(1)).containsExactly(out.get(0), within(1e-6f));
        assertThat(dot(out.get(2), red)).isCloseTo(0.0, within(1e-4));
        assertThat(norm(out.get(3))).isZero();
    }

    @Test
    void tokenizerRoundTripsAndFramesWithManifestIds() {
        TextTokenizer tokenizer = TextTokenizer.load(TestPacks.synthetic(), runtime.manifest().text().tokenizer());
        try (tokenizer) {
            String text = "make the tank red and put it on desert";
            long[] ids = tokenizer.ids(text);
            assertThat(ids).hasSize(9).doesNotContain(3L);
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
            TextTokenizer.Framed framed = tokenizer.frame(List.of("make it red"));
            assertThat(framed.ids()).hasSize(16);
            assertThat(framed.ids()[0]).isEqualTo(1L);
            assertThat(framed.ids()[4]).isEqualTo(2L);
            assertThat(framed.ids()[5]).isZero();
            assertThat(framed.mask()).startsWith(1L, 1L, 1L, 1L, 1L, 0L);
        }
    }

    @Test
    void pseudoTokenAndCombinerComposeReferenceAndText() {
        TileSpec spec = new TileSpec(0, LandCover.FOREST, ObjectKind.TANK, ObjectColour.BLUE, 0, 0, 1, 3L);
        float[] reference = runtime.images().encode(List.of(TileRenderer.render(spec))).getFirst();
        float[] text = runtime.texts().encode(List.of("make it red")).getFirst();
        float[] wanted = runtime.texts().encode(List.of("forest tank red")).getFirst();
        float[] unwanted = runtime.texts().encode(List.of("forest tank blue")).getFirst();

        PseudoTokenEncoder pseudo = runtime.pseudoTokens().orElseThrow();
        assertThat(pseudo.promptTemplate()).isEqualTo("a photo of $ that {text}");
        float[] composed = pseudo.compose(List.of(reference), List.of("make it red")).getFirst();
        float[] combined = runtime.combiner().orElseThrow().combine(List.of(reference), List.of(text)).getFirst();
        for (float[] query : List.of(composed, combined)) {
            assertThat(norm(query)).isCloseTo(1.0, within(1e-4));
            assertThat(dot(query, wanted)).isGreaterThan(dot(query, unwanted));
        }
    }

    static List<BufferedImage> tiles(int count) {
        List<BufferedImage> tiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tiles.add(TileRenderer.render(SyntheticWorld.tile(1L, i)));
        }
        return tiles;
    }

    /** The attribute of each kind whose word embedding is most similar to {@code embedding}. */
    private static Attributes strongest(float[] embedding, List<float[]> words) {
        int lands = LandCover.values().length;
        int kinds = ObjectKind.values().length;
        int land = argmax(embedding, words, 0, lands);
        int kind = argmax(embedding, words, lands, lands + kinds) - lands;
        int colour = argmax(embedding, words, lands + kinds, words.size()) - lands - kinds;
        return new Attributes(LandCover.values()[land], ObjectKind.values()[kind], ObjectColour.values()[colour]);
    }

    private static int argmax(float[] embedding, List<float[]> words, int from, int to) {
        int best = from;
        for (int w = from; w < to; w++) {
            if (dot(embedding, words.get(w)) > dot(embedding, words.get(best))) {
                best = w;
            }
        }
        return best;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
