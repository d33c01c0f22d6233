package io.cirstream.embedder.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.core.json.Json;
import io.cirstream.ingest.synthetic.CirrLayout;
import io.cirstream.ingest.synthetic.SyntheticWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on a small synthetic world read back from its CIRR-format files: exact brute-force retrieval
 * (reference removed from the ranking, as in CIRR) with image-only, text-only and sum composition.
 * The world is built so that only composition can find the target; this test fails if the generated
 * model, the world or the runtime stop agreeing on that.
 */
class CompositionRecallTest {

    private static final int K = 10;

    @Test
    void sumCompositionBeatsEitherModalityAlone(@TempDir Path dir) throws IOException {
        CirrLayout layout = SyntheticWorld.generate(42L, 1_000, 200, dir);
        try (ModelRuntime runtime = ModelRuntime.load(TestPacks.synthetic(), TestPacks.options())) {
            Map<String, float[]> gallery = encodeGallery(runtime, layout);
            List<Query> queries = readQueries(layout);
            List<float[]> texts = runtime.texts().encode(queries.stream().map(Query::caption).toList());
            List<float[]> references = queries.stream().map(q -> gallery.get(q.reference())).toList();
            List<float[]> pseudo = runtime.pseudoTokens().orElseThrow().compose(references, queries.stream().map(Query::caption).toList());
            List<float[]> combined = runtime.combiner().orElseThrow().combine(references, texts);

            double image = recall(gallery, queries, (q, i) -> references.get(i));
            double text = recall(gallery, queries, (q, i) -> texts.get(i));
            double sum = recall(gallery, queries, (q, i) -> Vectors.normalize(add(references.get(i), texts.get(i))));
            double pseudoToken = recall(gallery, queries, (q, i) -> pseudo.get(i));
            double combiner = recall(gallery, queries, (q, i) -> combined.get(i));
            System.out.printf("synthetic world 1000 images / 200 queries, R@%d: image %.3f, text %.3f, sum %.3f, "
                    + "pseudo_token %.3f, combiner %.3f%n", K, image, text, sum, pseudoToken, combiner);

            assertThat(sum).isGreaterThanOrEqualTo(image + 0.2).isGreaterThanOrEqualTo(text + 0.2);
            assertThat(pseudoToken).isGreaterThanOrEqualTo(image + 0.2);
            assertThat(combiner).isGreaterThanOrEqualTo(image + 0.2);
        }
    }

    private record Query(String reference, String caption, String target) { }

    private static Map<String, float[]> encodeGallery(ModelRuntime runtime, CirrLayout layout) throws IOException {
        JsonNode split = Json.mapper().readTree(layout.imageSplit().toFile());
        List<String> names = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = split.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
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

    /** Fraction of queries whose target is among the K best gallery images, the reference excluded. */
    private static double recall(Map<String, float[]> gallery, List<Query> queries, BiFunction<Query, Integer, float[]> vector) {
        int hits = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query query = queries.get(i);
            float[] q = vector.apply(query, i);
            double targetScore = SyntheticPackTest.dot(q, gallery.get(query.target()));
            int better = 0;
            for (Map.Entry<String, float[]> candidate : gallery.entrySet()) {
                String name = candidate.getKey();
                if (!name.equals(query.reference()) && !name.equals(query.target())
                        && SyntheticPackTest.dot(q, candidate.getValue()) >= targetScore) {
                    better++;
                }
            }
            hits += better < K ? 1 : 0;
        }
        return (double) hits / queries.size();
    }

    private static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
