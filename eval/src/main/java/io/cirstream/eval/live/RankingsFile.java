package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.eval.metric.Ranking;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.contract.event.BenchmarkQuery;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-query rankings of an evaluation as JSON Lines, one line per method and query, so anyone can recompute
 * the metrics (or feed an official script) without running the system again:
 * <pre>
 * {"method": "sum", "query_id": "77", "reference_id": "dev-1-0-img0", "category": null,
 *  "ranked_ids": ["dev-5-1-img1", ...], "scores": [0.83121, ...], "subset_ids": [...], "failure": null}
 * </pre>
 * {@code ranked_ids} and {@code scores} are the API's answer as it came, the reference included where the API
 * returned it (the protocol decides whether it counts); {@code subset_ids} is the ranking over
 * {@code img_set.members} where the benchmark has one; {@code failure} is the reason a query got no answer.
 */
final class RankingsFile {

    private RankingsFile() {
    }

    /** One method's answers, in the order of {@code queries}. */
    record MethodAnswers(String method, List<SearchApiClient.Answer> answers, List<Ranking> subsetRankings) {
    }

    static void write(Path file, List<BenchmarkQuery> queries, List<MethodAnswers> methods) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MethodAnswers method : methods) {
                for (int i = 0; i < queries.size(); i++) {
                    out.write(line(method.method(), queries.get(i), method.answers().get(i),
                            method.subsetRankings().get(i)).toString());
                    out.write('\n');
                }
            }
        }
    }

    private static ObjectNode line(String method, BenchmarkQuery query, SearchApiClient.Answer answer,
                                   Ranking subset) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("method", method).put("query_id", query.queryId()).put("reference_id", query.referenceId())
                .put("category", query.category());
        ArrayNode ids = line.putArray("ranked_ids");
        ArrayNode scores = line.putArray("scores");
        for (ScoredId result : answer.results()) {
            ids.add(result.id());
            scores.add(result.score());
        }
        if (!query.subsetMembers().isEmpty()) {
            ArrayNode members = line.putArray("subset_ids");
            subset.ids().forEach(members::add);
        }
        line.put("failure", answer.failed() ? answer.failure().reason() : null);
        return line;
    }
}
