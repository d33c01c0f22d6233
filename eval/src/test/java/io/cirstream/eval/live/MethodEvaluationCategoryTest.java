package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.MetricNames;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Composer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 2: FashionIQ was ranked over all three categories at once. Each query is now searched in its
 * category's gallery (a {@code tags} filter, the replay tags each image with every category it is listed in) and
 * compared with exact search over that same gallery.
 */
class MethodEvaluationCategoryTest {
    private static final double B_SCORE = 0.9 / Math.sqrt(0.82);

    @Test
    void eachQueryIsSearchedAndExactlyRankedWithinItsCategory() throws IOException {
        float[] b = {0f, (float) (0.9 / Math.sqrt(0.82)), (float) (0.1 / Math.sqrt(0.82)), 0f};
        StoredGallery stored = new StoredGallery(List.of("r", "a", "b"),
                List.of(MethodEvaluationFailureTest.unit(0), MethodEvaluationFailureTest.unit(1), b),
                List.of(List.of("dress", "shirt"), List.of("dress"), List.of("shirt")));
        List<BenchmarkQuery> queries = List.of(
                new BenchmarkQuery("fashioniq", "val", "dress-0", "r", List.of("longer"), List.of("a"), List.of(), "dress"),
                new BenchmarkQuery("fashioniq", "val", "shirt-0", "r", List.of("bluer"), List.of("b"), List.of(), "shirt"));
        QueryVectors vectors = new QueryVectors(new Composer(Optional.empty(), Optional.empty()),
                CompositionParams.defaults(), stored, new MethodEvaluationFailureTest.FixedTexts(), queries);
        Map<String, ExactSearch> perCategory = new LinkedHashMap<>();
        for (String category : List.of("dress", "shirt")) {
            StoredGallery own = stored.tagged(category);
            perCategory.put(category, ExactSearch.of(own.ids(), own.vectors(), ExactSearch.Similarity.COSINE));
        }
        try (StubSearchApi stub = new StubSearchApi(answerByTag());
             SearchApiClient api = new SearchApiClient(stub.uri())) {
            EvalContext context = new EvalContext(api, vectors, ExactSearch.of(stored.ids(), stored.vectors(),
                    ExactSearch.Similarity.COSINE), ExactSearch.Similarity.COSINE, "fashioniq-val", 2, List.of(1), 1,
                    perCategory);

            MethodEvaluation.Result result = new MethodEvaluation(context, Method.parse("text").orElseThrow())
                    .run(queries, new PrintStream(new ByteArrayOutputStream()));

            assertThat(stub.requests()).extracting(r -> r.path("filters").path("tags").asText())
                    .containsExactlyInAnyOrder("dress", "shirt");
            assertThat(stub.requests()).allSatisfy(r ->
                    assertThat(r.path("filters").path("collection").asText()).isEqualTo("fashioniq-val"));
            assertThat(result.run().systemMetrics()).containsEntry(MetricNames.annRecall(1), 100.0);
        }
    }

    /** What the real API would answer within each category: a for dress, b for shirt. */
    private static Function<JsonNode, StubSearchApi.Reply> answerByTag() {
        return request -> "dress".equals(request.path("filters").path("tags").asText())
                ? new StubSearchApi.Reply(200, "{\"results\": [{\"id\": \"a\", \"score\": 1.0}]}")
                : new StubSearchApi.Reply(200, "{\"results\": [{\"id\": \"b\", \"score\": " + B_SCORE + "}]}");
    }
}
