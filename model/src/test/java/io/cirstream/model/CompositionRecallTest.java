package io.cirstream.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.tools.world.CirrLayout;
import io.cirstream.tools.world.SyntheticWorld;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end on a small synthetic world read back from its CIRR-format files: exact brute-force retrieval
 * (reference removed from the ranking, as in CIRR) with image-only, text-only and sum composition.
 * The world is built so that only composition can find the target; this test fails if the generated
 * model, the world or the runtime stop agreeing on that. The fp16 variant of the pack must retrieve as the
 * fp32 pack does.
 */
class CompositionRecallTest {

    private static final int K = 10;
    /** R@10 of the fp16 pack may differ from the fp32 pack's by this much: 4 of the 200 queries. */
    private static final double FP16_RECALL_MARGIN = 0.02;
    /**
     * Share of queries whose best match must be the same image with either pack. Not all: images that share all
     * three attributes (about 3.5 per combination here) score within float16 rounding of each other and may swap
     * (measured: 187 to 198 of 200 the same, per method).
     */
    private static final double FP16_SAME_TOP1 = 0.9;

    @TempDir
    static Path dir;
    private static CirrLayout layout;
    private static List<Query> queries;
    private static final Map<Path, Map<String, Retrieval>> MEASURED = new HashMap<>();

    @BeforeAll
    static void world() throws IOException {
        layout = SyntheticWorld.generate(42L, 1_000, 200, dir);
        queries = readQueries(layout);
    }

    @Test
    void sumCompositionBeatsEitherModalityAlone() {
        Map<String, Retrieval> r = retrieve(TestPacks.synthetic());
        assertThat(r.get("sum").recall()).isGreaterThanOrEqualTo(r.get("image").recall() + 0.2)
                .isGreaterThanOrEqualTo(r.get("text").recall() + 0.2);
        assertThat(r.get("pseudo_token").recall()).isGreaterThanOrEqualTo(r.get("image").recall() + 0.2);
        assertThat(r.get("combiner").recall()).isGreaterThanOrEqualTo(r.get("image").recall() + 0.2);
    }

    /** float16 I/O and weights change vectors in the fourth decimal: retrieval must not notice. */
    @Test
    void fp16PackRetrievesWhatTheFp32PackRetrieves() {
        Map<String, Retrieval> single = retrieve(TestPacks.synthetic());
        Map<String, Retrieval> half = retrieve(TestPacks.syntheticFp16());
        SoftAssertions soft = new SoftAssertions();
        for (String method : single.keySet()) {
            Retrieval a = single.get(method);
            Retrieval b = half.get(method);
            int same = 0;
            for (int i = 0; i < queries.size(); i++) {
                same += a.top1().get(i).equals(b.top1().get(i)) ? 1 : 0;
            }
            System.out.printf("%s: R@%d fp32 %.3f, fp16 %.3f; same top-1 for %d/%d queries%n",
                    method, K, a.recall(), b.recall(), same, queries.size());
            soft.assertThat(b.recall()).as(method + " R@" + K).isCloseTo(a.recall(), within(FP16_RECALL_MARGIN));
            soft.assertThat(same).as(method + " queries with the same top-1").isGreaterThanOrEqualTo((int) (FP16_SAME_TOP1 * queries.size()));
        }
        soft.assertAll();
    }

    /** R@K and the best match per query for each composition method, measured once per pack. */
    private static Map<String, Retrieval> retrieve(Path pack) {
        return MEASURED.computeIfAbsent(pack, CompositionRecallTest::measure);
    }

    private static Map<String, Retrieval> measure(Path pack) {
        try (ModelRuntime runtime = ModelRuntime.load(pack, TestPacks.options())) {
            Map<String, float[]> gallery = encodeGallery(runtime, layout);
            List<float[]> texts = runtime.texts().encode(queries.stream().map(Query::caption).toList());
            List<float[]> references = queries.stream().map(q -> gallery.get(q.reference())).toList();
            List<float[]> pseudo = runtime.pseudoTokens().orElseThrow().compose(references, queries.stream().map(Query::caption).toList());
            List<float[]> combined = runtime.combiner().orElseThrow().combine(references, texts);

            Map<String, Retrieval> results = new LinkedHashMap<>();
            results.put("image", retrieval(gallery, i -> references.get(i)));
            results.put("text", retrieval(gallery, i -> texts.get(i)));
            results.put("sum", retrieval(gallery, i -> Vectors.normalize(add(references.get(i), texts.get(i)))));
            results.put("pseudo_token", retrieval(gallery, i -> pseudo.get(i)));
            results.put("combiner", retrieval(gallery, i -> combined.get(i)));
            System.out.printf("%s on the synthetic world 1000 images / 200 queries, R@%d: %s%n", runtime.packId(), K,
                    results.entrySet().stream().map(e -> String.format("%s %.3f", e.getKey(), e.getValue().recall())).toList());
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Retrieval(double recall, List<String> top1) { }

    private record Query(String reference, String caption, String target) { }

    private static Map<String, float[]> encodeGallery(ModelRuntime runtime, CirrLayout layout) throws IOException {
        JsonNode split = Json.mapper().readTree(layout.imageSplit().toFile());
        List<String> names = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : split.properties()) {
            names.add(entry.getKey());
            images.add(ImageIO.read(layout.root().resolve(entry.getValue().asText()).toFile()));
        }
        List<float[]> embeddings = runtime.images().encode(images);
        Map<String, float[]> gallery = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            gallery.put(names.get(i), embeddings.get(i));
        }
        return gallery;
    }

    private static List<Query> readQueries(CirrLayout layout) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (JsonNode q : Json.mapper().readTree(layout.captions().toFile())) {
            queries.add(new Query(q.get("reference").asText(), q.get("caption").asText(), q.get("target_hard").asText()));
        }
        return queries;
    }

    /**
     * Fraction of queries whose target is among the K best gallery images, the reference excluded, and each
     * query's best image.
     */
    private static Retrieval retrieval(Map<String, float[]> gallery, IntFunction<float[]> vector) {
        int hits = 0;
        List<String> top1 = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Query query = queries.get(i);
            float[] q = vector.apply(i);
            double targetScore = SyntheticPackTest.dot(q, gallery.get(query.target()));
            int better = 0;
            String best = query.target();
            double bestScore = targetScore;
            for (Map.Entry<String, float[]> candidate : gallery.entrySet()) {
                String name = candidate.getKey();
                if (name.equals(query.reference()) || name.equals(query.target())) {
                    continue;
                }
                double score = SyntheticPackTest.dot(q, candidate.getValue());
                better += score >= targetScore ? 1 : 0;
                if (score > bestScore) {
                    best = name;
                    bestScore = score;
                }
            }
            hits += better < K ? 1 : 0;
            top1.add(best);
        }
        return new Retrieval((double) hits / queries.size(), top1);
    }

    private static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
