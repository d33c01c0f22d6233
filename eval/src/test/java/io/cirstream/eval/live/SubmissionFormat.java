package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a submission file against the format its evaluation server documents (cited in docs/evaluation.md),
 * independently of how {@link Submissions} writes it:
 * <ul>
 *   <li>CIRR, {@code Test-split_server.md}: one JSON object with {@code "version": "rc2"}, {@code "metric": "recall"}
 *       or {@code "recall_subset"}, and one key per test pairid (as text) whose value is a list of image names: the
 *       top 50 of the test1 gallery (fewer only when the gallery holds fewer), or for recall_subset the top 3 of that
 *       query's {@code img_set.members}; never the reference, no name twice, no other keys;</li>
 *   <li>CIRCO, README "Submission Format": one JSON object with one key per test query id (as text) whose value is
 *       the top 50 gallery images as integer COCO ids; never the reference, no id twice, no other keys.</li>
 * </ul>
 */
final class SubmissionFormat {
    static final int TOP = 50;
    static final int SUBSET_TOP = 3;

    private SubmissionFormat() {
    }

    /**
     * A CIRR test1 submission; returns pairid → names, in order. {@code gallery} is the split's gallery.
     */
    static Map<String, List<String>> assertCirr(Path file, String metric, List<PublishedLayouts.Query> queries,
                                                Set<String> gallery) {
        JsonNode root = read(file);
        assertThat(root.isObject()).as("%s is a JSON object", file).isTrue();
        assertThat(root.path("version").asText()).as("version").isEqualTo("rc2");
        assertThat(root.path("metric").asText()).as("metric").isEqualTo(metric);
        Set<String> expectedKeys = new TreeSet<>(List.of("version", "metric"));
        queries.forEach(q -> expectedKeys.add(q.id()));
        assertThat(fieldNames(root)).as("keys of %s", file).isEqualTo(expectedKeys);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PublishedLayouts.Query query : queries) {
            boolean subset = metric.equals("recall_subset");
            Set<String> allowed = new HashSet<>(subset ? query.members() : gallery);
            allowed.remove(query.reference());
            int expected = Math.min(subset ? SUBSET_TOP : TOP, allowed.size());
            out.put(query.id(), names(root.path(query.id()), file, query, allowed, expected, false));
        }
        return out;
    }

    /** A CIRCO test submission; returns query id → COCO ids (as zero-padded names), in order. */
    static Map<String, List<String>> assertCirco(Path file, List<PublishedLayouts.Query> queries, Set<String> gallery) {
        JsonNode root = read(file);
        assertThat(root.isObject()).as("%s is a JSON object", file).isTrue();
        Set<String> expectedKeys = new TreeSet<>();
        queries.forEach(q -> expectedKeys.add(q.id()));
        assertThat(fieldNames(root)).as("keys of %s", file).isEqualTo(expectedKeys);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PublishedLayouts.Query query : queries) {
            Set<String> allowed = new HashSet<>(gallery);
            allowed.remove(query.reference());
            out.put(query.id(), names(root.path(query.id()), file, query, allowed, Math.min(TOP, allowed.size()), true));
        }
        return out;
    }

    private static List<String> names(JsonNode list, Path file, PublishedLayouts.Query query, Set<String> allowed,
                                      int expected, boolean integers) {
        assertThat(list.isArray()).as("%s: query %s has a list", file, query.id()).isTrue();
        List<String> names = new ArrayList<>();
        list.forEach(item -> {
            assertThat(integers ? item.isIntegralNumber() : item.isTextual())
                    .as("%s: query %s: %s is %s", file, query.id(), item, integers ? "an integer" : "text").isTrue();
            names.add(integers ? String.format("%012d", item.asLong()) : item.asText());
        });
        assertThat(names).as("%s: query %s", file, query.id()).hasSize(expected).doesNotHaveDuplicates()
                .doesNotContain(query.reference()).allMatch(allowed::contains);
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
