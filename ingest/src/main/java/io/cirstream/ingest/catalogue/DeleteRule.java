package io.cirstream.ingest.catalogue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a catalogue record means "this product is gone": {@code <pointer> == <JSON value>} or {@code != <JSON value>},
 * several joined by {@code ||}, e.g. {@code /in_stock == false || /status == "deleted"}. A missing field equals
 * nothing, so {@code /status != "active"} holds for a record without a status. A tombstone always deletes; this rule
 * is for catalogues that mark a product instead of removing it.
 */
public record DeleteRule(List<Condition> anyOf) {

    private static final Pattern CONDITION = Pattern.compile("\\s*(/\\S*)\\s*(==|!=)\\s*(.+?)\\s*");

    /** One comparison of the value at {@code pointer} with {@code value} (JSON equality: {@code 1 != "1"}). */
    public record Condition(JsonPointer pointer, boolean equal, JsonNode value) {
        boolean holds(JsonNode record) {
            JsonNode found = record.at(pointer);
            boolean same = !found.isMissingNode() && found.equals(value);
            return same == equal;
        }
    }

    public DeleteRule {
        anyOf = List.copyOf(anyOf);
    }

    public static DeleteRule never() {
        return new DeleteRule(List.of());
    }

    /** Parses the rule's text; {@link IllegalArgumentException} says what is wrong with it. */
    public static DeleteRule parse(String text) {
        if (text == null || text.isBlank()) {
            return never();
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : text.split("\\|\\|", -1)) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not '<json pointer> == <json value>' or '!='"
                        + " (e.g. /in_stock == false, /status == \"deleted\")");
            }
            conditions.add(new Condition(Pointers.parse(m.group(1)), m.group(2).equals("=="), literal(m.group(3))));
        }
        return new DeleteRule(conditions);
    }

    public boolean deletes(JsonNode record) {
        return anyOf.stream().anyMatch(c -> c.holds(record));
    }

    private static JsonNode literal(String text) {
        try {
            JsonNode value = Json.mapper().readTree(text);
            if (value == null) {
                throw new IllegalArgumentException("empty value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + text + "' is not a JSON value (strings need double quotes)");
        }
    }
}
