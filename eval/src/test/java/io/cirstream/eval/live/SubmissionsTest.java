package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.eval.metric.BenchmarkProtocol;
import io.cirstream.eval.metric.Ranking;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.contract.event.BenchmarkQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 4: test splits with hidden labels produced nothing to submit. The files are checked against the
 * formats the servers document: CIRR's Test-split_server.md (a dict pairid → top 50 / top 3 names plus
 * "version": "rc2" and "metric") and CIRCO's README "Submission Format" (every query id → top 50 integer ids).
 */
class SubmissionsTest {
    @TempDir
    Path dir;

    @Test
    void cirrTest1WritesRecallAndRecallSubsetFilesWithoutTheReference() throws IOException {
        List<BenchmarkQuery> queries = new ArrayList<>();
        List<SearchApiClient.Answer> answers = new ArrayList<>();
        List<Ranking> subsets = new ArrayList<>();
        for (int q = 0; q < 3; q++) {
            String reference = "test1-" + q + "-0-img0";
            List<String> members = List.of(reference, "test1-" + q + "-1-img0", "test1-" + q + "-2-img1",
                    "test1-" + q + "-3-img0", "test1-" + q + "-4-img1", "test1-" + q + "-5-img0");
            queries.add(new BenchmarkQuery("cirr", "test1", Integer.toString(12063 + q), reference,
                    List.of("make it red"), List.of(), members, null));
            List<ScoredId> results = new ArrayList<>();
            results.add(new ScoredId(reference, 1.0));
            for (int i = 0; i < 60; i++) {
                results.add(new ScoredId("test1-" + (100 + i) + "-0-img1", 0.9 - i * 0.001));
            }
            answers.add(new SearchApiClient.Answer(results, Duration.ofMillis(1)));
            subsets.add(Ranking.ofOrdered(members.reversed()));
        }
        RankingsFile.MethodAnswers sum = new RankingsFile.MethodAnswers("sum", answers, subsets);

        List<Path> files = Submissions.write(BenchmarkProtocol.CIRR, dir.resolve("cirr-test1-pack-run"), queries,
                List.of(sum));

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("cirr-test1-pack-run.sum.recall.json", "cirr-test1-pack-run.sum.recall_subset.json");
        JsonNode recall = Json.mapper().readTree(files.get(0).toFile());
        JsonNode subset = Json.mapper().readTree(files.get(1).toFile());
        assertThat(recall.path("version").asText()).isEqualTo("rc2");
        assertThat(recall.path("metric").asText()).isEqualTo("recall");
        assertThat(subset.path("metric").asText()).isEqualTo("recall_subset");
        for (BenchmarkQuery query : queries) {
            JsonNode top = recall.path(query.queryId());
            assertThat(top.isArray()).isTrue();
            assertThat(top).hasSize(50).allSatisfy(id -> assertThat(id.isTextual()).isTrue());
            assertThat(top.toString()).doesNotContain(query.referenceId());
            JsonNode three = subset.path(query.queryId());
            assertThat(three).hasSize(3);
            assertThat(three.get(0).asText()).isEqualTo(query.subsetMembers().getLast());
            assertThat(three.toString()).doesNotContain(query.referenceId());
        }
        assertThat(recall.size()).isEqualTo(queries.size() + 2);
    }

    @Test
    void circoTestWritesEveryQueryWithFiftyIntegerCocoIds() throws IOException {
        List<BenchmarkQuery> queries = new ArrayList<>();
        List<SearchApiClient.Answer> answers = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            String reference = String.format("%012d", 9761 + q);
            queries.add(new BenchmarkQuery("circo", "test", Integer.toString(q), reference, List.of("with a dog"),
                    List.of(), List.of(), null));
            List<ScoredId> results = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                results.add(new ScoredId(i == 3 ? reference : String.format("%012d", 489535 + i), 0.9 - i * 0.001));
            }
            answers.add(q == 2 ? new SearchApiClient.Answer(List.of(), Duration.ZERO,
                    new QueryFailure("400 bad_request", "refused")) : new SearchApiClient.Answer(results, Duration.ZERO));
        }
        List<Ranking> noSubsets = queries.stream().map(q -> Ranking.empty()).toList();

        List<Path> files = Submissions.write(BenchmarkProtocol.CIRCO, dir.resolve("circo-test-pack-run"), queries,
                List.of(new RankingsFile.MethodAnswers("slerp", answers, noSubsets)));

        JsonNode submission = Json.mapper().readTree(files.getFirst().toFile());
        assertThat(submission.size()).isEqualTo(4);
        assertThat(submission.path("0")).hasSize(50).allSatisfy(id -> assertThat(id.isIntegralNumber()).isTrue());
        assertThat(submission.path("0").get(0).asLong()).isEqualTo(489535);
        assertThat(submission.path("1").toString()).doesNotContain("9762");
        assertThat(submission.path("2").isArray()).isTrue();
        assertThat(submission.path("2")).isEmpty();
    }

    @Test
    void labelsAreHiddenOnlyWhenNoQueryHasAPositive() {
        BenchmarkQuery hidden = new BenchmarkQuery("circo", "test", "0", "r", List.of("t"), List.of(), List.of(), null);
        BenchmarkQuery labelled = new BenchmarkQuery("circo", "val", "1", "r", List.of("t"), List.of("g"), List.of(), null);
        assertThat(Submissions.labelsHidden(List.of(hidden, hidden))).isTrue();
        assertThat(Submissions.labelsHidden(List.of(hidden, labelled))).isFalse();
        assertThat(Submissions.server(BenchmarkProtocol.CIRR)).isPresent();
        assertThat(Submissions.server(BenchmarkProtocol.FASHIONIQ)).isEmpty();
    }
}
