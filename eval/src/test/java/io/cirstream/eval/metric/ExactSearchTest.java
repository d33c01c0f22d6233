package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExactSearchTest {

    private static List<String> ids(List<ScoredId> results) {
        return results.stream().map(ScoredId::id).toList();
    }

    @Test
    void innerProductAndCosineRankDifferently() {
        List<String> ids = List.of("long", "aligned");
        List<float[]> vectors = List.of(new float[] {10, 0}, new float[] {1, 1});
        float[] query = {1, 1};

        assertThat(ids(ExactSearch.of(ids, vectors, ExactSearch.Similarity.INNER_PRODUCT).topK(query, 2)))
                .containsExactly("long", "aligned");
        assertThat(ids(ExactSearch.of(ids, vectors, ExactSearch.Similarity.COSINE).topK(query, 2)))
                .containsExactly("aligned", "long");
    }

    @Test
    void identicalVectorsAreOrderedById() {
        ExactSearch search = ExactSearch.of(List.of("y", "x", "w"),
                List.of(new float[] {1, 0}, new float[] {1, 0}, new float[] {0, 1}),
                ExactSearch.Similarity.COSINE);

        assertThat(ids(search.topK(new float[] {1, 0}, 1))).containsExactly("x");
        assertThat(ids(search.topK(new float[] {1, 0}, 5))).containsExactly("x", "y", "w");
    }

    @Test
    void parallelSearchMatchesAFullSortOfRandomVectors() {
        Random random = new Random(7);
        List<String> ids = IntStream.range(0, 500).mapToObj(i -> "img" + i).toList();
        List<float[]> gallery = IntStream.range(0, 500).mapToObj(i -> randomVector(random)).toList();
        List<float[]> queries = IntStream.range(0, 100).mapToObj(i -> randomVector(random)).toList();
        ExactSearch search = ExactSearch.of(ids, gallery, ExactSearch.Similarity.INNER_PRODUCT);

        List<List<ScoredId>> parallel = search.topKAll(queries, 10, 3);

        for (int q = 0; q < queries.size(); q++) {
            List<ScoredId> all = new ArrayList<>();
            for (int g = 0; g < gallery.size(); g++) {
                all.add(new ScoredId(ids.get(g), dot(queries.get(q), gallery.get(g))));
            }
            all.sort(Comparator.comparingDouble(ScoredId::score).reversed());
            assertThat(ids(parallel.get(q))).isEqualTo(ids(all.subList(0, 10)));
        }
    }

    @Test
    void mismatchedDimensionsAreReportedClearly() {
        assertThatThrownBy(() -> ExactSearch.of(List.of("a", "b"),
                List.of(new float[] {1, 0}, new float[] {1, 0, 0}), ExactSearch.Similarity.COSINE))
                .hasMessageContaining("gallery vector b has dimension 3, expected 2");
        ExactSearch search = ExactSearch.of(List.of("a"), List.<float[]>of(new float[] {1, 0}),
                ExactSearch.Similarity.COSINE);
        assertThatThrownBy(() -> search.topK(new float[] {1}, 1)).hasMessageContaining("query vector");
        assertThatThrownBy(() -> ExactSearch.of(List.of("a", "a"),
                List.of(new float[] {1}, new float[] {2}), ExactSearch.Similarity.COSINE))
                .hasMessageContaining("duplicate gallery id");
    }

    private static float[] randomVector(Random random) {
        float[] vector = new float[16];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
