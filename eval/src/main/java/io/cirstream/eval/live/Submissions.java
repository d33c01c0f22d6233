package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.eval.metric.BenchmarkProtocol;
import io.cirstream.eval.metric.Ranking;
import io.cirstream.contract.event.BenchmarkQuery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Test splits whose labels are hidden (CIRR test1, CIRCO test) are scored by their authors' servers; this writes,
 * per method, the files those servers take:
 * <ul>
 *   <li>CIRR (https://github.com/Cuberick-Orion/CIRR/blob/main/Test-split_server.md): two JSON objects,
 *       {@code {"version": "rc2", "metric": "recall", "<pairid>": [top 50 image names]}} and the same with
 *       {@code "metric": "recall_subset"} and the top 3 of {@code img_set.members}; the reference is removed from
 *       both, as the CIRR protocol does; submit at http://cirr.cecs.anu.edu.au/ (backup https://cirr.junjie.au/).</li>
 *   <li>CIRCO (https://github.com/miccunifi/CIRCO, "Submission Format"): one JSON object
 *       {@code {"<query id>": [top 50 COCO image ids as integers]}} holding every test query, the reference
 *       removed; submit at https://circo.micc.unifi.it/.</li>
 * </ul>
 */
final class Submissions {
    static final int TOP = 50;
    static final int SUBSET_TOP = 3;

    private Submissions() {
    }

    /** Where a benchmark's hidden test labels are scored; empty when it has no evaluation server here. */
    static Optional<String> server(BenchmarkProtocol protocol) {
        return switch (protocol) {
            case CIRR -> Optional.of("http://cirr.cecs.anu.edu.au/ (backup https://cirr.junjie.au/)");
            case CIRCO -> Optional.of("https://circo.micc.unifi.it/");
            default -> Optional.empty();
        };
    }

    /** Whether no query has a positive: the split's labels are hidden, nothing can be scored here. */
    static boolean labelsHidden(List<BenchmarkQuery> queries) {
        return !queries.isEmpty() && queries.stream().allMatch(q -> q.targetIds().isEmpty());
    }

    /**
     * Writes each method's submission files beside {@code base} ({@code <base>.<method>.recall.json}, ...) and
     * returns them; nothing for a benchmark without a server.
     */
    static List<Path> write(BenchmarkProtocol protocol, Path base, List<BenchmarkQuery> queries,
                            List<RankingsFile.MethodAnswers> methods) throws IOException {
        List<Path> written = new ArrayList<>();
        for (RankingsFile.MethodAnswers method : methods) {
            String prefix = base.getFileName() + "." + method.method() + ".";
            if (protocol == BenchmarkProtocol.CIRR) {
                written.add(write(base.resolveSibling(prefix + "recall.json"), cirr("recall", queries, method, false)));
                written.add(write(base.resolveSibling(prefix + "recall_subset.json"),
                        cirr("recall_subset", queries, method, true)));
            } else if (protocol == BenchmarkProtocol.CIRCO) {
                written.add(write(base.resolveSibling(prefix + "circo.json"), circo(queries, method)));
            }
        }
        return written;
    }

    static ObjectNode cirr(String metric, List<BenchmarkQuery> queries, RankingsFile.MethodAnswers method,
                           boolean subset) {
        ObjectNode file = Json.mapper().createObjectNode().put("version", "rc2").put("metric", metric);
        for (int i = 0; i < queries.size(); i++) {
            BenchmarkQuery query = queries.get(i);
            Ranking full = ScoreGrain.rank(method.answers().get(i).results());
            Ranking ranking = !subset ? full : method.subsetRankings().get(i).isEmpty()
                    ? full.restrictedTo(Set.copyOf(query.subsetMembers())) : method.subsetRankings().get(i);
            ArrayNode ids = file.putArray(query.queryId());
            ranking.without(query.referenceId()).top(subset ? SUBSET_TOP : TOP).forEach(ids::add);
        }
        return file;
    }

    static ObjectNode circo(List<BenchmarkQuery> queries, RankingsFile.MethodAnswers method) {
        ObjectNode file = Json.mapper().createObjectNode();
        for (int i = 0; i < queries.size(); i++) {
            BenchmarkQuery query = queries.get(i);
            ArrayNode ids = file.putArray(query.queryId());
            ScoreGrain.rank(method.answers().get(i).results()).without(query.referenceId()).top(TOP)
                    .forEach(id -> addCocoId(ids, id));
        }
        return file;
    }

    /** The replay names COCO images by their zero-padded file stem; the server wants the integer id. */
    private static void addCocoId(ArrayNode ids, String id) {
        if (id.matches("\\d{1,18}")) {
            ids.add(Long.parseLong(id));
        } else {
            ids.add(id);
        }
    }

    private static Path write(Path file, ObjectNode content) throws IOException {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), content);
        return file;
    }
}
