package io.cirstream.query.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.query.search.Filters;

import java.util.List;
import java.util.Map;

/**
 * Applies the term filters of a watch to an event's metadata in memory (the vector has not reached a
 * searchable segment yet, so OpenSearch cannot filter it). Range and geo filters are refused for watches.
 */
final class TermMatcher {

    private TermMatcher() {
    }

    static boolean matches(Filters filters, JsonNode metadata) {
        for (Map.Entry<String, List<String>> term : filters.terms().entrySet()) {
            JsonNode value = metadata.path(term.getKey());
            boolean hit = value.isArray()
                    ? containsAny(value, term.getValue())
                    : term.getValue().contains(value.asText(null));
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(JsonNode array, List<String> accepted) {
        for (JsonNode item : array) {
            if (accepted.contains(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
