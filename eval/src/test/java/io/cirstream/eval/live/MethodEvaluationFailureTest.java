package io.cirstream.eval.live;

import io.cirstream.model.TextEncoder;
import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.MethodRun;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Composer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 3: one query the API refuses used to abort the whole evaluation (the exception left
 * {@code searchAll}) and everything scored was lost. Now each failure is counted per reason and the run finishes.
 * Runs against a loopback HTTP stub that refuses texts starting with "bad".
 */
class MethodEvaluationFailureTest {
    @Test
    void countsRefusedQueriesPerReasonAndFinishesTheRun() throws IOException {
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String text = i % 3 == 0 ? "bad caption " + i : i % 3 == 1 ? "good caption " + i : " ";
            queries.add(new BenchmarkQuery("cirr", "val", "q" + i, "r", List.of(text), List.of("t"), List.of(), null));
        }
        StoredGallery stored = new StoredGallery(List.of("r", "t", "x"), List.of(unit(0), unit(1), unit(2)));
        QueryVectors vectors = new QueryVectors(new Composer(Optional.empty(), Optional.empty()),
                CompositionParams.defaults(), stored, new FixedTexts(), queries);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (StubSearchApi stub = new StubSearchApi(request -> request.path("text").asText().startsWith("bad")
                ? new StubSearchApi.Reply(400, "{\"error\": {\"code\": \"bad_request\", \"message\": \"text cannot be encoded\"}}")
                : new StubSearchApi.Reply(200, "{\"results\": [{\"id\": \"t\", \"score\": 1.0}, {\"id\": \"x\", \"score\": 0.5}]}"));
             SearchApiClient api = new SearchApiClient(stub.uri())) {
            EvalContext context = new EvalContext(api, vectors, ExactSearch.of(stored.ids(), stored.vectors(),
                    ExactSearch.Similarity.COSINE), ExactSearch.Similarity.COSINE, "cirr-val", 3, List.of(1), 2);

            MethodEvaluation.Result result = new MethodEvaluation(context, Method.parse("text").orElseThrow())
                    .run(queries, new PrintStream(log, true, StandardCharsets.UTF_8));

            MethodRun run = result.run();
            assertThat(run.queries()).hasSize(12);
            assertThat(run.failures()).isEqualTo(Map.of("400 bad_request", 4, "empty_text", 4));
            assertThat(run.queryLatencies()).hasSize(4);
            assertThat(result.answers()).filteredOn(a -> !a.failed()).hasSize(4)
                    .allSatisfy(a -> assertThat(a.results()).isNotEmpty());
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("4 of 12 queries failed (400 bad_request)")
                    .contains("text cannot be encoded");
        }
    }

    static float[] unit(int axis) {
        float[] v = new float[4];
        v[axis] = 1f;
        return v;
    }

    /** Every text encodes to the same unit vector: the stub, not the encoder, decides the answers. */
    static final class FixedTexts implements TextEncoder {
        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public List<float[]> encode(List<String> texts) {
            return texts.stream().map(t -> unit(1)).toList();
        }

        @Override
        public void close() {
        }
    }
}
